type Params = Record<string, string | number>;
type Catalog = Record<string, (p: Params) => string>;

/**
 * Refused deletes (docs/adr/0113): `department_not_empty`, `project_not_empty` and
 * `datacenter_not_empty` carry `name` and the counts of what the owner still holds, keyed by
 * mirror type (`server`, `volume`, `network`, …), plus `tasks` (unfinished tasks) and, for a
 * department, `projects` and `users`. Every numeric param that is not one of those three is a
 * mirror type; unknown types are shown by their type name.
 */
const labels: Record<string, { zh: string; one: string; many: string }> = {
  projects: { zh: '个项目', one: 'project', many: 'projects' },
  users: { zh: '个用户', one: 'user', many: 'users' },
  server: { zh: '台云主机', one: 'server', many: 'servers' },
  volume: { zh: '个云硬盘', one: 'volume', many: 'volumes' },
  'volume-snapshot': { zh: '个云硬盘快照', one: 'volume snapshot', many: 'volume snapshots' },
  'volume-backup': { zh: '个云硬盘备份', one: 'volume backup', many: 'volume backups' },
  network: { zh: '个网络', one: 'network', many: 'networks' },
  subnet: { zh: '个子网', one: 'subnet', many: 'subnets' },
  router: { zh: '个路由器', one: 'router', many: 'routers' },
  'floating-ip': { zh: '个浮动 IP', one: 'floating IP', many: 'floating IPs' },
  'security-group': { zh: '个安全组', one: 'security group', many: 'security groups' },
  'firewall-group': { zh: '个防火墙', one: 'firewall', many: 'firewalls' },
  'firewall-policy': { zh: '条防火墙策略', one: 'firewall policy', many: 'firewall policies' },
  'firewall-rule': { zh: '条防火墙规则', one: 'firewall rule', many: 'firewall rules' },
  'load-balancer': { zh: '个负载均衡', one: 'load balancer', many: 'load balancers' },
  image: { zh: '个镜像', one: 'image', many: 'images' },
  tasks: { zh: '个未完成的任务', one: 'unfinished task', many: 'unfinished tasks' },
};

/** Owners first (projects, users), then mirror types in a stable order, unfinished tasks last. */
const ownedItems = (p: Params): [string, number][] => {
  const counted = Object.entries(p).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
  );
  const rank = (key: string) =>
    key === 'projects' || key === 'users' ? 0 : key === 'tasks' ? 2 : 1;
  return counted.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
};

const listEn = (p: Params): string => {
  const parts = ownedItems(p).map(([key, n]) => {
    const label = labels[key];
    return `${n} ${label ? (n === 1 ? label.one : label.many) : key}`;
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
};

const listZh = (p: Params): string =>
  ownedItems(p)
    .map(([key, n]) => `${n} ${labels[key]?.zh ?? `个 ${key}`}`)
    .join('、');

const noun = {
  department: ['department', '部门'],
  project: ['project', '项目'],
  datacenter: ['datacenter', '数据中心'],
} as const;

const en = (kind: keyof typeof noun) => (p: Params) =>
  `The ${noun[kind][0]} "${p.name}" cannot be deleted: it still owns ${listEn(p)}. Delete those${kind === 'department' ? ' (or move the users to another department)' : ''} and wait for unfinished tasks to end, then try again. Nothing was changed.`;

const zh = (kind: keyof typeof noun) => (p: Params) =>
  `无法删除${noun[kind][1]}“${p.name}”：它仍拥有 ${listZh(p)}。请先删除这些资源${kind === 'department' ? '（或把用户迁到其他部门）' : ''}并等待未完成的任务结束后再试。未做任何更改。`;

export const ownerMessagesEn: Catalog = {
  department_not_empty: en('department'),
  project_not_empty: en('project'),
  datacenter_not_empty: en('datacenter'),
};

export const ownerMessagesZh: Catalog = {
  department_not_empty: zh('department'),
  project_not_empty: zh('project'),
  datacenter_not_empty: zh('datacenter'),
};
