/** What a provider can do; the UI shows an action only when its capability is present. */
export const capabilities = [
  'server.create',
  'server.boot-from-volume',
  'server.user-data',
  'server.server-group',
  'server.start-stop',
  'server.reboot',
  'server.resize',
  'server.rebuild',
  'server.snapshot',
  'server.lock',
  'server.suspend',
  'server.pause',
  'server.migrate',
  'server.live-migrate',
  'server.console',
  'image.upload',
  'baremetal',
  'app-credential',
  'keypair',
  'flavor.manage',
  'aggregate.manage',
  'hypervisor.read',
  'inventory.changes-since',
  'volume.manage',
  'volume.from-image',
  'volume.snapshot',
  'volume.backup',
  'volume.type.manage',
  'storage.pool.read',
  'network.manage',
  'network.provider',
  'router.manage',
  'floating-ip',
  'floating-ip.port-forwarding',
  'security-group.manage',
  'firewall',
  'load-balancer',
] as const;
export type Capability = (typeof capabilities)[number];

/** The optional sub-ports of a CloudProvider, by area (see cloud-provider.ts). */
export const subPortNames = [
  'blockStorage',
  'network',
  'loadBalancing',
  'firewall',
  'baremetal',
  'hosts',
  'appCredentials',
  'console',
  'images',
  'keyPairs',
] as const;
export type SubPortName = (typeof subPortNames)[number];

/**
 * What each sub-port brings: a provider has these capabilities exactly when the sub-port is
 * present (discovery may still narrow them at run time, e.g. no `volume.backup` without a
 * cinder-backup service).
 */
export const subPortCapabilities = {
  blockStorage: [
    'volume.manage',
    'volume.from-image',
    'volume.snapshot',
    'volume.backup',
    'volume.type.manage',
    'storage.pool.read',
  ],
  network: [
    'network.manage',
    'network.provider',
    'router.manage',
    'floating-ip',
    'floating-ip.port-forwarding',
    'security-group.manage',
  ],
  loadBalancing: ['load-balancer'],
  firewall: ['firewall'],
  baremetal: ['baremetal'],
  hosts: ['hypervisor.read', 'aggregate.manage'],
  appCredentials: ['app-credential'],
  console: ['server.console'],
  images: ['image.upload'],
  keyPairs: ['keypair'],
} as const satisfies Record<SubPortName, readonly Capability[]>;

export type SubPortCapability = (typeof subPortCapabilities)[SubPortName][number];
/** Capabilities of the required core (server lifecycle, catalog, inventory): adapters list theirs. */
export type CoreCapability = Exclude<Capability, SubPortCapability>;

/** Which capability gates a server action. */
export const capabilityOfAction: Record<string, Capability> = {
  start: 'server.start-stop',
  stop: 'server.start-stop',
  reboot: 'server.reboot',
  resize: 'server.resize',
  'confirm-resize': 'server.resize',
  'revert-resize': 'server.resize',
  rebuild: 'server.rebuild',
  snapshot: 'server.snapshot',
  lock: 'server.lock',
  unlock: 'server.lock',
  suspend: 'server.suspend',
  resume: 'server.suspend',
  pause: 'server.pause',
  unpause: 'server.pause',
  migrate: 'server.migrate',
  'live-migrate': 'server.live-migrate',
};
