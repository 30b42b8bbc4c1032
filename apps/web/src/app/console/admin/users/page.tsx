import { UsersPage } from '@/components/admin/users/users-page';

export default function Page() {
  return <UsersPage />;
}
