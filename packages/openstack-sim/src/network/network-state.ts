import { randomBytes, randomUUID } from 'node:crypto';
import type { SimContext } from '../core/sim-context';
import type { AllocationPool } from './ip-allocator';
import { withIdTables } from '../core/id-table';

/** Records are stored in Neutron's own API shape so rendering is a copy plus derived fields. */
type Owned = {
  id: string;
  name: string;
  description: string;
  project_id: string;
  tenant_id: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
};

export type Network = Owned & {
  admin_state_up: boolean;
  status: string;
  shared: boolean;
  'router:external': boolean;
  'provider:network_type': 'flat' | 'vlan' | 'vxlan' | 'local';
  'provider:physical_network': string | null;
  'provider:segmentation_id': number | null;
  mtu: number;
  port_security_enabled: boolean;
};

export type Subnet = Owned & {
  network_id: string;
  ip_version: 4 | 6;
  cidr: string;
  gateway_ip: string | null;
  enable_dhcp: boolean;
  dns_nameservers: string[];
  allocation_pools: AllocationPool[];
  host_routes: { destination: string; nexthop: string }[];
  ipv6_address_mode: string | null;
  ipv6_ra_mode: string | null;
};

export type FixedIp = { subnet_id: string; ip_address: string };

export type Port = Owned & {
  network_id: string;
  mac_address: string;
  fixed_ips: FixedIp[];
  device_id: string;
  device_owner: string;
  admin_state_up: boolean;
  status: string;
  security_groups: string[];
  port_security_enabled: boolean;
  'binding:host_id': string;
  'binding:vnic_type': string;
};

export type Router = Owned & {
  admin_state_up: boolean;
  status: string;
  external_gateway_info: {
    network_id: string;
    enable_snat: boolean;
    external_fixed_ips: FixedIp[];
  } | null;
  routes: { destination: string; nexthop: string }[];
};

export type PortForwarding = {
  id: string;
  internal_port_id: string;
  internal_ip_address: string;
  internal_port: number;
  external_port: number;
  protocol: 'tcp' | 'udp';
  description: string;
};

export type FloatingIp = Owned & {
  floating_network_id: string;
  floating_ip_address: string;
  router_id: string | null;
  port_id: string | null;
  fixed_ip_address: string | null;
  status: string;
  port_forwardings: PortForwarding[];
};

export type SecurityGroupRule = {
  id: string;
  security_group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description: string | null;
  project_id: string;
  tenant_id: string;
  created_at: string;
  updated_at: string;
  revision_number: number;
};

export type SecurityGroup = Owned & { stateful: boolean; rules: string[] };

export type NetworkQuota = {
  network: number;
  subnet: number;
  port: number;
  router: number;
  floatingip: number;
  security_group: number;
  security_group_rule: number;
  subnetpool: number;
  rbac_policy: number;
};

export type NetworkSlice = {
  seeded: boolean;
  networks: Record<string, Network>;
  subnets: Record<string, Subnet>;
  ports: Record<string, Port>;
  routers: Record<string, Router>;
  floatingIps: Record<string, FloatingIp>;
  securityGroups: Record<string, SecurityGroup>;
  securityGroupRules: Record<string, SecurityGroupRule>;
  quotas: Record<string, Partial<NetworkQuota>>;
};

export const defaultNetworkQuota: NetworkQuota = {
  network: 100,
  subnet: 100,
  port: 500,
  router: 10,
  floatingip: 50,
  security_group: 10,
  security_group_rule: 100,
  // Resources the simulator does not model (subnet pools, RBAC policies), at Zed's defaults.
  subnetpool: -1,
  rbac_policy: 10,
};

export const newId = (): string => randomUUID();

/** OpenStack's base MAC prefix fa:16:3e. */
export const newMac = (): string =>
  `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;

/** Neutron timestamps: second precision, UTC, "Z". */
export const stamp = (ctx: SimContext): string =>
  ctx
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

export const owned = (ctx: SimContext, projectId: string, name = '', description = ''): Owned => {
  const now = stamp(ctx);
  return {
    id: newId(),
    name,
    description,
    project_id: projectId,
    tenant_id: projectId,
    tags: [],
    created_at: now,
    updated_at: now,
    revision_number: 1,
  };
};

export const touch = (ctx: SimContext, record: { updated_at: string; revision_number: number }) => {
  record.updated_at = stamp(ctx);
  record.revision_number += 1;
};

/** The network slice, created (and seeded with the "public" external network) on first use. */
export const networkSlice = (ctx: SimContext): NetworkSlice => {
  const root = ctx.store.state.network as Partial<NetworkSlice>;
  if (!root.seeded) {
    Object.assign(root, {
      seeded: true,
      networks: {},
      subnets: {},
      ports: {},
      routers: {},
      floatingIps: {},
      securityGroups: {},
      securityGroupRules: {},
      quotas: {},
    } satisfies NetworkSlice);
    seedPublicNetwork(ctx, root as NetworkSlice);
    ctx.store.changed();
  }
  return withIdTables(root as NetworkSlice, [
    'networks',
    'subnets',
    'ports',
    'routers',
    'floatingIps',
    'securityGroups',
    'securityGroupRules',
    'quotas',
  ]);
};

/** The admin project's shared external network every deployment guide creates first. */
const seedPublicNetwork = (ctx: SimContext, slice: NetworkSlice) => {
  const projects = (
    ctx.store.state.identity as { projects?: Record<string, { id: string; name: string }> }
  ).projects;
  const adminProject = Object.values(projects ?? {}).find((p) => p.name === 'admin')?.id ?? 'admin';
  const network: Network = {
    ...owned(ctx, adminProject, 'public'),
    admin_state_up: true,
    status: 'ACTIVE',
    shared: true,
    'router:external': true,
    'provider:network_type': 'flat',
    'provider:physical_network': 'physnet1',
    'provider:segmentation_id': null,
    mtu: 1500,
    port_security_enabled: true,
  };
  slice.networks[network.id] = network;
  const subnet: Subnet = {
    ...owned(ctx, adminProject, 'public-subnet'),
    network_id: network.id,
    ip_version: 4,
    cidr: '203.0.113.0/24',
    gateway_ip: '203.0.113.1',
    enable_dhcp: false,
    dns_nameservers: [],
    allocation_pools: [{ start: '203.0.113.10', end: '203.0.113.250' }],
    host_routes: [],
    ipv6_address_mode: null,
    ipv6_ra_mode: null,
  };
  slice.subnets[subnet.id] = subnet;
};
