'use client';

import { Tabs } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';

export type NavTab = { path: string; label: MessageKey; testId: string };

/** Tabs across a module's pages; the active one follows the URL. */
export function SectionNav({ tabs }: { tabs: readonly NavTab[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const active = tabs.find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`));
  return (
    <Tabs
      activeKey={active?.path}
      style={{ marginTop: -8 }}
      items={tabs.map((tab) => ({
        key: tab.path,
        label: (
          <Link href={tab.path} data-testid={tab.testId}>
            {t(tab.label)}
          </Link>
        ),
      }))}
    />
  );
}

const computeTabs: readonly NavTab[] = [
  { path: '/console/compute/servers', label: 'compute.tab.servers', testId: 'compute-tab-servers' },
  {
    path: '/console/compute/key-pairs',
    label: 'compute.tab.keyPairs',
    testId: 'compute-tab-key-pairs',
  },
  { path: '/console/compute/images', label: 'compute.tab.images', testId: 'compute-tab-images' },
];

export function ComputeNav() {
  return <SectionNav tabs={computeTabs} />;
}
