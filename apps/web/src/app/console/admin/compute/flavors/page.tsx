import { FlavorsPage } from '@/components/compute/admin/flavors-page';

export default function Page() {
  return <FlavorsPage />;
}
