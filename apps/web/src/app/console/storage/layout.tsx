import type { ReactNode } from 'react';
import { StorageNav } from '@/components/storage/storage-nav';

export default function StorageLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <StorageNav />
      {children}
    </>
  );
}
