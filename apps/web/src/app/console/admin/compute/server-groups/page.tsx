import { ServerGroupsPage } from '@/components/compute/admin/server-groups-page';

export default function Page() {
  return <ServerGroupsPage />;
}
