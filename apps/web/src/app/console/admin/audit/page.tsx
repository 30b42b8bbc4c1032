import { AuditPage } from '@/components/admin/audit/audit-page';

export default function Page() {
  return <AuditPage />;
}
