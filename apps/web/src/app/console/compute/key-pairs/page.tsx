import { KeyPairsPage } from '@/components/compute/key-pairs/key-pairs-page';

export default function Page() {
  return <KeyPairsPage />;
}
