import type {
  AggregateDto,
  AvailabilityZoneDto,
  FlavorDto,
  HypervisorDto,
  ImageDto,
  KeyPairDto,
  NetworkDto,
  SecurityGroupDto,
  ServerAddress,
  ServerDto,
  ServerGroupDto,
} from '@yunguan/cloud-core';
import type { Aggregate } from '../services/compute/v2/aggregates/results';
import type { AvailabilityZone } from '../services/compute/v2/availability-zones/results';
import type { Flavor } from '../services/compute/v2/flavors/results';
import type { Hypervisor } from '../services/compute/v2/hypervisors/results';
import type { KeyPair } from '../services/compute/v2/keypairs/results';
import type { Server } from '../services/compute/v2/servers/results';
import type { ServerGroup } from '../services/compute/v2/server-groups/results';
import type { Image } from '../services/image/v2/images/results';
import type { Network } from '../services/network/v2/networks/results';
import type { SecurityGroup } from '../services/network/v2/security-groups/results';
import { keyNameOut } from './keypair-names';
import { serverStatusOf } from './server-status';

const addressesOf = (server: Server): ServerAddress[] =>
  Object.entries(server.addresses ?? {}).flatMap(([network, list]) =>
    list.map((a) => ({
      network,
      ip: a.addr,
      version: a.version === 6 ? 6 : 4,
      type: a['OS-EXT-IPS:type'] === 'floating' ? 'floating' : 'fixed',
      mac: a['OS-EXT-IPS-MAC:mac_addr'] ?? null,
    })),
  );

export const toServerDto = (server: Server): ServerDto => {
  const taskState = server['OS-EXT-STS:task_state'] ?? null;
  const flavor = server.flavor ?? {};
  return {
    externalId: server.id,
    name: server.name,
    status: serverStatusOf(server.status, taskState),
    rawStatus: taskState === null ? server.status : `${server.status}/${taskState}`,
    taskState,
    projectExternalId: server.tenant_id,
    flavor: {
      externalId: flavor.id ?? null,
      name: flavor.original_name ?? flavor.id ?? '',
      vcpus: flavor.vcpus ?? 0,
      ramMb: flavor.ram ?? 0,
      diskGb: flavor.disk ?? 0,
    },
    imageExternalId:
      typeof server.image === 'object' && server.image !== null ? server.image.id : null,
    availabilityZone: server['OS-EXT-AZ:availability_zone'] || null,
    host: server['OS-EXT-SRV-ATTR:host'] ?? null,
    addresses: addressesOf(server),
    keyName:
      server.key_name == null
        ? null
        : keyNameOut({ projectExternalId: server.tenant_id }, server.key_name),
    securityGroups: [...new Set((server.security_groups ?? []).map((g) => g.name))],
    volumeExternalIds: (server['os-extended-volumes:volumes_attached'] ?? []).map((v) => v.id),
    locked: server.locked ?? false,
    fault: server.fault ? { code: server.fault.code, message: server.fault.message } : null,
    metadata: server.metadata ?? {},
    createdAt: server.created,
    updatedAt: server.updated,
  };
};

export const toFlavorDto = (f: Flavor): FlavorDto => ({
  externalId: f.id,
  name: f.name,
  vcpus: f.vcpus,
  ramMb: f.ram,
  diskGb: f.disk,
  ephemeralGb: f['OS-FLV-EXT-DATA:ephemeral'] ?? 0,
  swapMb: typeof f.swap === 'number' ? f.swap : 0,
  isPublic: f['os-flavor-access:is_public'] ?? true,
  extraSpecs: f.extra_specs ?? {},
});

const visibilities = ['public', 'private', 'shared', 'community'] as const;

export const toImageDto = (i: Image): ImageDto => ({
  externalId: i.id,
  name: i.name ?? '',
  status: i.status,
  diskFormat: i.disk_format ?? null,
  containerFormat: i.container_format ?? null,
  sizeBytes: i.size ?? null,
  visibility: visibilities.find((v) => v === i.visibility) ?? 'private',
  protected: i.protected ?? false,
  minDiskGb: i.min_disk ?? 0,
  minRamMb: i.min_ram ?? 0,
  ownerExternalId: i.owner ?? null,
  tags: i.tags ?? [],
  createdAt: i.created_at,
  updatedAt: i.updated_at,
});

export const toNetworkDto = (n: Network): NetworkDto => ({
  externalId: n.id,
  name: n.name,
  status: n.status,
  projectExternalId: n.project_id ?? n.tenant_id ?? '',
  external: n['router:external'] ?? false,
  shared: n.shared,
  adminStateUp: n.admin_state_up,
  mtu: n.mtu ?? null,
  providerType: n['provider:network_type'] ?? null,
  subnetExternalIds: n.subnets ?? [],
  createdAt: n.created_at ?? null,
  updatedAt: n.updated_at ?? null,
});

export const toAvailabilityZoneDto = (z: AvailabilityZone): AvailabilityZoneDto => ({
  name: z.zoneName,
  available: z.zoneState.available,
});

export const toKeyPairDto = (k: KeyPair): KeyPairDto => ({
  name: k.name,
  fingerprint: k.fingerprint,
  type: k.type ?? 'ssh',
  publicKey: k.public_key,
  ...(k.private_key ? { privateKey: k.private_key } : {}),
});

export const toSecurityGroupDto = (g: SecurityGroup): SecurityGroupDto => ({
  externalId: g.id,
  name: g.name,
  description: g.description ?? '',
  projectExternalId: g.project_id ?? g.tenant_id ?? '',
});

const policies = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'] as const;

export const toServerGroupDto = (g: ServerGroup): ServerGroupDto => ({
  externalId: g.id,
  name: g.name,
  policy: policies.find((p) => p === g.policy) ?? 'soft-affinity',
  memberExternalIds: g.members ?? [],
});

export const toHypervisorDto = (h: Hypervisor): HypervisorDto => ({
  externalId: String(h.id),
  hostname: h.hypervisor_hostname,
  state: h.state === 'up' ? 'up' : 'down',
  status: h.status === 'enabled' ? 'enabled' : 'disabled',
  vcpus: h.vcpus ?? 0,
  vcpusUsed: h.vcpus_used ?? 0,
  memoryMb: h.memory_mb ?? 0,
  memoryMbUsed: h.memory_mb_used ?? 0,
  localGb: h.local_gb ?? 0,
  localGbUsed: h.local_gb_used ?? 0,
  runningVms: h.running_vms ?? 0,
});

export const toAggregateDto = (a: Aggregate): AggregateDto => ({
  externalId: a.uuid ?? String(a.id),
  name: a.name,
  availabilityZone: a.availability_zone ?? null,
  hosts: a.hosts ?? [],
  metadata: a.metadata ?? {},
});
