import { NetworksPage } from '@/components/network/networks/networks-page';

export default function Page() {
  return <NetworksPage />;
}
