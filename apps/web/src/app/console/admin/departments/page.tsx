import { DepartmentsPage } from '@/components/admin/departments/departments-page';

export default function Page() {
  return <DepartmentsPage />;
}
