import type { ReactNode } from 'react';
import { StorageAdminNav } from '@/components/admin/storage/storage-admin-nav';

export default function StorageAdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <StorageAdminNav />
      {children}
    </>
  );
}
