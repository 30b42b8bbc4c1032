import type { ReactNode } from 'react';
import { ComputeNav } from '@/components/compute/compute-nav';

export default function ComputeLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ComputeNav />
      {children}
    </>
  );
}
