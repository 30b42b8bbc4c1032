import { TopologyPage } from '@/components/network/topology/topology-page';

export default function Page() {
  return <TopologyPage />;
}
