import { RouterDetailPage } from '@/components/network/routers/router-detail-page';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RouterDetailPage id={id} />;
}
