import { QuotasPage } from '@/components/admin/quotas/quotas-page';

export default function Page() {
  return <QuotasPage />;
}
