'use client';

import type { NavTab } from '@/components/compute/compute-nav';
import { SectionNav } from '@/components/compute/compute-nav';

const base = '/console/network';
const networkTabs: readonly NavTab[] = [
  { path: `${base}/networks`, label: 'net.tab.networks', testId: 'network-tab-networks' },
  { path: `${base}/routers`, label: 'net.tab.routers', testId: 'network-tab-routers' },
  {
    path: `${base}/floating-ips`,
    label: 'net.tab.floatingIps',
    testId: 'network-tab-floating-ips',
  },
  {
    path: `${base}/security-groups`,
    label: 'net.tab.securityGroups',
    testId: 'network-tab-security-groups',
  },
  { path: `${base}/firewalls`, label: 'net.tab.firewalls', testId: 'network-tab-firewalls' },
  {
    path: `${base}/load-balancers`,
    label: 'net.tab.loadBalancers',
    testId: 'network-tab-load-balancers',
  },
  { path: `${base}/topology`, label: 'net.tab.topology', testId: 'network-tab-topology' },
];

export function NetworkNav() {
  return <SectionNav tabs={networkTabs} />;
}
