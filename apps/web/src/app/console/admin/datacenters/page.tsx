import { DatacentersPage } from '@/components/admin/datacenters/datacenters-page';

export default function Page() {
  return <DatacentersPage />;
}
