import type { ReactNode } from 'react';
import { ComputeAdminNav } from '@/components/compute/admin/compute-admin-nav';

export default function ComputeAdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ComputeAdminNav />
      {children}
    </>
  );
}
