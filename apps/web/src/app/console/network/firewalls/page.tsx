import { FirewallsPage } from '@/components/network/firewalls/firewalls-page';

export default function Page() {
  return <FirewallsPage />;
}
