/** Where a task's object lives in the console: its detail page, or its list when it has none. */
const detailPages: Record<string, string> = {
  server: '/console/compute/servers',
  volume: '/console/storage/volumes',
  network: '/console/network/networks',
  router: '/console/network/routers',
  'load-balancer': '/console/network/load-balancers',
  'security-group': '/console/network/security-groups',
};
const listPages: Record<string, string> = {
  image: '/console/compute/images',
  'volume-snapshot': '/console/storage/snapshots',
  'volume-backup': '/console/storage/backups',
  'floating-ip': '/console/network/floating-ips',
  subnet: '/console/network/networks',
  port: '/console/network/networks',
  'firewall-group': '/console/network/firewalls',
  'firewall-policy': '/console/network/firewalls',
  'firewall-rule': '/console/network/firewalls',
};

export const taskObjectHref = (task: {
  targetType: string;
  resourceId: string | null;
  status: string;
  action: string;
}): string | null => {
  const detail = detailPages[task.targetType];
  // A deleted object has no page left: its list is where the person goes next.
  const deleted = task.action.endsWith('.delete') && task.status === 'succeeded';
  if (detail && task.resourceId && !deleted) return `${detail}/${task.resourceId}`;
  return listPages[task.targetType] ?? (detail ? detail : null);
};
