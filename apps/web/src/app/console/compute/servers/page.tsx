import { ServersPage } from '@/components/compute/servers/servers-page';

export default function Page() {
  return <ServersPage />;
}
