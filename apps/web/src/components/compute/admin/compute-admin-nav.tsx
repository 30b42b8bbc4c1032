'use client';

import type { NavTab } from '../compute-nav';
import { SectionNav } from '../compute-nav';

const base = '/console/admin/compute';
const tabs: readonly NavTab[] = [
  {
    path: `${base}/hypervisors`,
    label: 'admin.hypervisors',
    testId: 'compute-admin-tab-hypervisors',
  },
  { path: `${base}/aggregates`, label: 'admin.aggregates', testId: 'compute-admin-tab-aggregates' },
  { path: `${base}/flavors`, label: 'admin.flavors', testId: 'compute-admin-tab-flavors' },
  {
    path: `${base}/server-groups`,
    label: 'admin.serverGroups',
    testId: 'compute-admin-tab-server-groups',
  },
  { path: `${base}/baremetal`, label: 'admin.baremetal', testId: 'compute-admin-tab-baremetal' },
];

export function ComputeAdminNav() {
  return <SectionNav tabs={tabs} />;
}
