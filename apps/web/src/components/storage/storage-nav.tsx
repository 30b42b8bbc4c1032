'use client';

import type { NavTab } from '@/components/compute/compute-nav';
import { SectionNav } from '@/components/compute/compute-nav';

const tabs: readonly NavTab[] = [
  { path: '/console/storage/volumes', label: 'storage.tab.volumes', testId: 'storage-tab-volumes' },
  {
    path: '/console/storage/snapshots',
    label: 'storage.tab.snapshots',
    testId: 'storage-tab-snapshots',
  },
  { path: '/console/storage/backups', label: 'storage.tab.backups', testId: 'storage-tab-backups' },
];

/** Volumes, snapshots and backups as tabs that follow the URL. */
export function StorageNav() {
  return <SectionNav tabs={tabs} />;
}
