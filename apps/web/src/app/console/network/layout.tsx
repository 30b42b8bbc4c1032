import type { ReactNode } from 'react';
import { NetworkNav } from '@/components/network/network-nav';

export default function NetworkLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <NetworkNav />
      {children}
    </>
  );
}
