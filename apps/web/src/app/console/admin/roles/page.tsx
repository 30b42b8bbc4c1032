import { RolesPage } from '@/components/admin/roles/roles-page';

export default function Page() {
  return <RolesPage />;
}
