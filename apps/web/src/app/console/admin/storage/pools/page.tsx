import { StoragePoolsPage } from '@/components/admin/storage/storage-pools-page';

export default function Page() {
  return <StoragePoolsPage />;
}
