/**
 * Storage and network objects the portal manages (M1.5): the kind is the mirror's `type`, the
 * task's `targetType` and the first half of a task action (`volume.attach`).
 */
export const storageKinds = ['volume', 'volume-snapshot', 'volume-backup'] as const;
export const networkKinds = [
  'network',
  'subnet',
  'port',
  'router',
  'floating-ip',
  'security-group',
  'firewall-group',
  'firewall-policy',
  'firewall-rule',
  'load-balancer',
] as const;
export const resourceKinds = [...storageKinds, ...networkKinds] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** The verbs a task can carry per kind; the task action is `<kind>.<verb>`. */
export const resourceVerbs = {
  volume: ['create', 'delete', 'extend', 'attach', 'detach'],
  'volume-snapshot': ['create', 'delete'],
  'volume-backup': ['create', 'restore', 'delete'],
  network: ['create', 'delete', 'quick-start'],
  subnet: ['create', 'update', 'delete'],
  port: ['create', 'delete'],
  router: ['create', 'delete', 'set-gateway', 'clear-gateway', 'add-interface', 'remove-interface'],
  'floating-ip': [
    'create',
    'delete',
    'associate',
    'disassociate',
    'add-port-forwarding',
    'remove-port-forwarding',
  ],
  'security-group': ['create', 'delete', 'add-rule', 'remove-rule'],
  'firewall-group': ['create', 'update', 'delete'],
  'firewall-policy': ['create', 'update', 'delete'],
  'firewall-rule': ['create', 'delete'],
  'load-balancer': [
    'create',
    'delete',
    'add-listener',
    'remove-listener',
    'add-pool',
    'remove-pool',
    'add-member',
    'remove-member',
    'add-health-monitor',
    'remove-health-monitor',
  ],
} as const satisfies Record<ResourceKind, readonly string[]>;

type VerbsOf<K extends ResourceKind> = (typeof resourceVerbs)[K][number];
export type ResourceTaskAction = { [K in ResourceKind]: `${K}.${VerbsOf<K>}` }[ResourceKind];

export const resourceTaskActions = resourceKinds.flatMap((kind) =>
  resourceVerbs[kind].map((verb) => `${kind}.${verb}`),
) as ResourceTaskAction[];

/** The URL segment of a kind's collection and item routes (`/api/v1/<plural>/:id`). */
export const resourcePlural: Record<ResourceKind, string> = {
  volume: 'volumes',
  'volume-snapshot': 'volume-snapshots',
  'volume-backup': 'volume-backups',
  network: 'networks',
  subnet: 'subnets',
  port: 'ports',
  router: 'routers',
  'floating-ip': 'floating-ips',
  'security-group': 'security-groups',
  'firewall-group': 'firewall-groups',
  'firewall-policy': 'firewall-policies',
  'firewall-rule': 'firewall-rules',
  'load-balancer': 'load-balancers',
};
