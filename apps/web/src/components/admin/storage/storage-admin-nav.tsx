'use client';

import type { NavTab } from '@/components/compute/compute-nav';
import { SectionNav } from '@/components/compute/compute-nav';

const base = '/console/admin/storage';
const tabs: readonly NavTab[] = [
  {
    path: `${base}/volume-types`,
    label: 'storage.admin.volumeTypes',
    testId: 'storage-admin-tab-volume-types',
  },
  { path: `${base}/pools`, label: 'storage.admin.pools', testId: 'storage-admin-tab-pools' },
];

export function StorageAdminNav() {
  return <SectionNav tabs={tabs} />;
}
