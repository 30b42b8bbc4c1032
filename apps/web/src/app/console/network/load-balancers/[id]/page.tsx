import { LoadBalancerDetailPage } from '@/components/network/load-balancers/load-balancer-detail-page';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LoadBalancerDetailPage id={id} />;
}
