import { SecurityGroupDetailPage } from '@/components/network/security-groups/security-group-detail-page';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SecurityGroupDetailPage id={id} />;
}
