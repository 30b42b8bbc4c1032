import { randomUUID } from 'node:crypto';
import type { SimContext } from '../core/sim-context';
import { withIdTables } from '../core/id-table';

/** Nova's records in state.compute (JSON-serialisable; the store persists them). */
export type Hypervisor = {
  id: string;
  hostname: string;
  availabilityZone: string;
  status: 'enabled' | 'disabled';
  state: 'up' | 'down';
  vcpus: number;
  memoryMb: number;
  localGb: number;
  hostIp: string;
};

export type Aggregate = {
  id: number;
  uuid: string;
  name: string;
  availabilityZone: string | null;
  hosts: string[];
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string | null;
};

export type Flavor = {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  rxtxFactor: number;
  isPublic: boolean;
  description: string | null;
  extraSpecs: Record<string, string>;
  access: string[];
  disabled: boolean;
};

export type Keypair = {
  id: number;
  name: string;
  userId: string;
  type: 'ssh' | 'x509';
  publicKey: string;
  fingerprint: string;
  createdAt: string;
};

export type ServerGroup = {
  id: string;
  name: string;
  policy: 'affinity' | 'anti-affinity' | 'soft-affinity' | 'soft-anti-affinity';
  rules: Record<string, number>;
  members: string[];
  projectId: string;
  userId: string;
};

export type ServerAddress = {
  portId: string;
  networkId: string;
  networkName: string;
  addr: string;
  version: 4 | 6;
  mac: string;
};

export type ServerVolume = {
  id: string;
  device: string;
  deleteOnTermination: boolean;
  /** False for image / blank block-device sources, which the simulator does not create in Cinder. */
  inCinder: boolean;
};

export type FlavorSnapshot = Pick<
  Flavor,
  'id' | 'name' | 'vcpus' | 'ram' | 'disk' | 'ephemeral' | 'swap' | 'extraSpecs'
>;

export type Server = {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  status: string;
  vmState: string;
  taskState: string | null;
  powerState: number;
  flavor: FlavorSnapshot;
  oldFlavor: FlavorSnapshot | null;
  imageRef: string;
  host: string | null;
  previousHost: string | null;
  availabilityZone: string;
  requestedAz: string | null;
  keyName: string | null;
  userData: string | null;
  metadata: Record<string, string>;
  addresses: ServerAddress[];
  /** Ports the user passed in (unbound, not deleted, when the server goes). */
  userPortIds: string[];
  volumes: ServerVolume[];
  groupId: string | null;
  fault: { code: number; message: string; details: string; created: string } | null;
  locked: boolean;
  lockedReason: string | null;
  description: string | null;
  /** Absent in state files written before they were kept. */
  accessIPv4?: string;
  accessIPv6?: string;
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
  terminatedAt: string | null;
  deleted: boolean;
  reservationId: string;
  launchIndex: number;
  adminPass: string | null;
};

export type InstanceAction = {
  serverId: string;
  action: string;
  requestId: string;
  userId: string;
  projectId: string;
  startTime: string;
  updatedAt: string;
  message: string | null;
  events: { event: string; startTime: string; finishTime: string | null; result: string | null }[];
};

export type QuotaSet = {
  instances: number;
  cores: number;
  ram: number;
  key_pairs: number;
  metadata_items: number;
  server_groups: number;
  server_group_members: number;
};

export type ComputeState = {
  seeded: boolean;
  hypervisors: Hypervisor[];
  aggregates: Aggregate[];
  nextAggregateId: number;
  flavors: Flavor[];
  keypairs: Keypair[];
  nextKeypairId: number;
  servers: Server[];
  serverGroups: ServerGroup[];
  quotaDefaults: QuotaSet;
  quotas: Record<string, Partial<QuotaSet>>;
  actions: InstanceAction[];
};

export const defaultQuotas: QuotaSet = {
  instances: 10,
  cores: 20,
  ram: 51200,
  key_pairs: 100,
  metadata_items: 128,
  server_groups: 10,
  server_group_members: 10,
};

const hv = (
  n: number,
  az: string,
  vcpus: number,
  memoryGb: number,
  localGb: number,
): Hypervisor => ({
  id: randomUUID(),
  hostname: `compute-${String(n).padStart(2, '0')}`,
  availabilityZone: az,
  status: 'enabled',
  state: 'up',
  vcpus,
  memoryMb: memoryGb * 1024,
  localGb,
  hostIp: `10.10.0.${10 + n}`,
});

const flavor = (
  id: string,
  name: string,
  vcpus: number,
  ram: number,
  disk: number,
  extraSpecs: Record<string, string> = {},
): Flavor => ({
  id,
  name,
  vcpus,
  ram,
  disk,
  ephemeral: 0,
  swap: 0,
  rxtxFactor: 1,
  isPublic: true,
  description: null,
  extraSpecs,
  access: [],
  disabled: false,
});

/** The default datacenter: 3 AZs, 8 hosts of mixed size, ssd and gpu aggregates, m1.* flavors. */
export const seedCompute = (now: Date): ComputeState => {
  const created = now.toISOString();
  const hypervisors = [
    hv(1, 'az-1', 16, 64, 500),
    hv(2, 'az-1', 32, 128, 1000),
    hv(3, 'az-1', 64, 256, 2000),
    hv(4, 'az-2', 16, 64, 500),
    hv(5, 'az-2', 32, 128, 1000),
    hv(6, 'az-2', 48, 192, 1500),
    hv(7, 'az-3', 32, 128, 1000),
    hv(8, 'az-3', 64, 256, 2000),
  ];
  return {
    seeded: true,
    hypervisors,
    aggregates: [
      {
        id: 1,
        uuid: randomUUID(),
        name: 'ssd-hosts',
        availabilityZone: null,
        hosts: ['compute-02', 'compute-03', 'compute-06', 'compute-08'],
        metadata: { ssd: 'true' },
        createdAt: created,
        updatedAt: null,
      },
      {
        id: 2,
        uuid: randomUUID(),
        name: 'gpu-hosts',
        availabilityZone: null,
        hosts: ['compute-03', 'compute-08'],
        metadata: { gpu: 'true' },
        createdAt: created,
        updatedAt: null,
      },
    ],
    nextAggregateId: 3,
    flavors: [
      flavor('1', 'm1.tiny', 1, 512, 1),
      flavor('2', 'm1.small', 1, 2048, 20),
      flavor('3', 'm1.medium', 2, 4096, 40, { 'hw:cpu_policy': 'shared' }),
      flavor('4', 'm1.large', 4, 8192, 80, { 'aggregate_instance_extra_specs:ssd': 'true' }),
      flavor('5', 'm1.xlarge', 8, 16384, 160, { 'aggregate_instance_extra_specs:ssd': 'true' }),
      flavor('6', 'g1.large', 8, 32768, 160, { 'aggregate_instance_extra_specs:gpu': 'true' }),
    ],
    keypairs: [],
    nextKeypairId: 1,
    servers: [],
    serverGroups: [],
    quotaDefaults: { ...defaultQuotas },
    quotas: {},
    actions: [],
  };
};

/** state.compute, seeded on first use. */
export const computeOf = (ctx: SimContext): ComputeState => {
  const slice = ctx.store.state.compute as Partial<ComputeState>;
  if (!slice.seeded) {
    Object.assign(slice, seedCompute(ctx.now()));
    ctx.store.changed();
  }
  return withIdTables(slice as ComputeState, ['quotas']);
};
