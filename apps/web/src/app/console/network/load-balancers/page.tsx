import { LoadBalancersPage } from '@/components/network/load-balancers/load-balancers-page';

export default function Page() {
  return <LoadBalancersPage />;
}
