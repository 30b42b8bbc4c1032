import { NetworkDetailPage } from '@/components/network/networks/network-detail-page';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <NetworkDetailPage id={id} />;
}
