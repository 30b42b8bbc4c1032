import { VolumeDetailPage } from '@/components/storage/detail/volume-detail-page';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VolumeDetailPage id={id} />;
}
