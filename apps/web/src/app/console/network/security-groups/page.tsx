import { SecurityGroupsPage } from '@/components/network/security-groups/security-groups-page';

export default function Page() {
  return <SecurityGroupsPage />;
}
