/**
 * Network DTOs (M1.5): Neutron's model (networks, subnets, ports, routers, floating IPs with
 * port forwardings, security groups), FWaaS v2 and load balancers (Octavia v2).
 */
import type { NetworkDto, SecurityGroupDto } from './dto';

export const providerNetworkTypes = ['flat', 'vlan', 'vxlan', 'gre', 'geneve', 'local'] as const;
export type ProviderNetworkType = (typeof providerNetworkTypes)[number];

export type NetworkDetailDto = NetworkDto & {
  description: string;
  physicalNetwork: string | null;
  segmentationId: number | null;
};

export type CreateNetworkSpec = {
  name: string;
  description?: string;
  adminStateUp?: boolean;
  /** Admin only (the portal checks the role; the cloud checks its policy). */
  shared?: boolean;
  external?: boolean;
  provider?: {
    type: ProviderNetworkType;
    physicalNetwork?: string;
    segmentationId?: number;
  };
  mtu?: number;
};

export type AllocationPool = { start: string; end: string };
export type HostRoute = { destination: string; nexthop: string };

export type SubnetDto = {
  externalId: string;
  name: string;
  description: string;
  networkExternalId: string;
  projectExternalId: string;
  cidr: string;
  ipVersion: 4 | 6;
  gatewayIp: string | null;
  enableDhcp: boolean;
  dnsNameservers: string[];
  allocationPools: AllocationPool[];
  hostRoutes: HostRoute[];
  createdAt: string | null;
  updatedAt: string | null;
};

export type CreateSubnetSpec = {
  networkExternalId: string;
  name: string;
  description?: string;
  cidr: string;
  ipVersion: 4 | 6;
  /** Absent: the cloud picks the first address; null: no gateway. */
  gatewayIp?: string | null;
  enableDhcp: boolean;
  dnsNameservers?: string[];
  allocationPools?: AllocationPool[];
  hostRoutes?: HostRoute[];
};

export type FixedIp = { subnetExternalId: string; ipAddress: string };

export type PortDto = {
  externalId: string;
  name: string;
  networkExternalId: string;
  projectExternalId: string;
  macAddress: string;
  fixedIps: FixedIp[];
  /** e.g. `compute:nova`, `network:router_interface`, `network:router_gateway`, `network:dhcp`. */
  deviceOwner: string;
  deviceExternalId: string;
  status: string;
  adminStateUp: boolean;
  securityGroupExternalIds: string[];
  createdAt: string | null;
};

export type CreatePortSpec = {
  networkExternalId: string;
  name: string;
  fixedIps?: { subnetExternalId: string; ipAddress?: string }[];
  securityGroupExternalIds?: string[];
  adminStateUp?: boolean;
};

export type RouterGatewayDto = {
  networkExternalId: string;
  enableSnat: boolean;
  externalFixedIps: FixedIp[];
};

export type RouterInterfaceDto = {
  portExternalId: string;
  subnetExternalId: string;
  ipAddress: string;
};

export type RouterDto = {
  externalId: string;
  name: string;
  description: string;
  projectExternalId: string;
  status: string;
  adminStateUp: boolean;
  externalGateway: RouterGatewayDto | null;
  /** From the router's `network:router_interface*` ports. */
  interfaces: RouterInterfaceDto[];
  createdAt: string | null;
  updatedAt: string | null;
};

export type CreateRouterSpec = {
  name: string;
  description?: string;
  adminStateUp?: boolean;
  externalGateway?: { networkExternalId: string; enableSnat?: boolean };
};

export type PortForwardingDto = {
  externalId: string;
  floatingIpExternalId: string;
  protocol: 'tcp' | 'udp';
  internalPortExternalId: string;
  internalIpAddress: string;
  internalPort: number;
  externalPort: number;
  description: string;
};

export type CreatePortForwardingSpec = {
  protocol: 'tcp' | 'udp';
  internalPortExternalId: string;
  internalIpAddress: string;
  internalPort: number;
  externalPort: number;
  description?: string;
};

export type FloatingIpDto = {
  externalId: string;
  floatingIpAddress: string;
  floatingNetworkExternalId: string;
  projectExternalId: string;
  /** ACTIVE, DOWN, ERROR. */
  status: string;
  portExternalId: string | null;
  fixedIpAddress: string | null;
  routerExternalId: string | null;
  description: string;
  createdAt: string | null;
  updatedAt: string | null;
};

export type SecurityGroupRuleDto = {
  externalId: string;
  securityGroupExternalId: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  /** null = any protocol. */
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupExternalId: string | null;
  description: string;
};

export type CreateSecurityGroupRuleSpec = Omit<
  SecurityGroupRuleDto,
  'externalId' | 'description'
> & {
  description?: string;
};

export type SecurityGroupDetailDto = SecurityGroupDto & {
  rules: SecurityGroupRuleDto[];
  createdAt: string | null;
  updatedAt: string | null;
};

export type FirewallRuleDto = {
  externalId: string;
  name: string;
  description: string;
  projectExternalId: string;
  protocol: 'tcp' | 'udp' | 'icmp' | null;
  action: 'allow' | 'deny' | 'reject';
  ipVersion: 4 | 6;
  sourceIpAddress: string | null;
  destinationIpAddress: string | null;
  sourcePort: string | null;
  destinationPort: string | null;
  enabled: boolean;
};

export type CreateFirewallRuleSpec = Omit<
  FirewallRuleDto,
  'externalId' | 'projectExternalId' | 'description'
> & {
  description?: string;
};

export type FirewallPolicyDto = {
  externalId: string;
  name: string;
  description: string;
  projectExternalId: string;
  /** In evaluation order. */
  ruleExternalIds: string[];
  audited: boolean;
};

export type FirewallGroupDto = {
  externalId: string;
  name: string;
  description: string;
  projectExternalId: string;
  /** ACTIVE, INACTIVE, DOWN, PENDING_CREATE, PENDING_UPDATE, ERROR. */
  status: string;
  adminStateUp: boolean;
  ingressPolicyExternalId: string | null;
  egressPolicyExternalId: string | null;
  portExternalIds: string[];
};

export type CreateFirewallGroupSpec = {
  name: string;
  description?: string;
  ingressPolicyExternalId?: string | null;
  egressPolicyExternalId?: string | null;
  portExternalIds?: string[];
  adminStateUp?: boolean;
};

/** Octavia's two statuses, shown live. */
export type LbStatus = { provisioningStatus: string; operatingStatus: string };

export const lbAlgorithms = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'] as const;
export type LbAlgorithm = (typeof lbAlgorithms)[number];
export const listenerProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TERMINATED_HTTPS'] as const;
export type ListenerProtocol = (typeof listenerProtocols)[number];
export const poolProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'PROXY'] as const;
export type PoolProtocol = (typeof poolProtocols)[number];
export const healthMonitorTypes = [
  'HTTP',
  'HTTPS',
  'PING',
  'TCP',
  'TLS-HELLO',
  'UDP-CONNECT',
] as const;
export type HealthMonitorType = (typeof healthMonitorTypes)[number];

export type LbMemberDto = LbStatus & {
  externalId: string;
  name: string;
  address: string;
  protocolPort: number;
  weight: number;
  subnetExternalId: string | null;
};

export type HealthMonitorDto = LbStatus & {
  externalId: string;
  type: HealthMonitorType;
  delaySeconds: number;
  timeoutSeconds: number;
  maxRetries: number;
  urlPath: string | null;
};

export type LbPoolDto = LbStatus & {
  externalId: string;
  name: string;
  protocol: PoolProtocol;
  lbAlgorithm: LbAlgorithm;
  listenerExternalIds: string[];
  members: LbMemberDto[];
  healthMonitor: HealthMonitorDto | null;
};

export type LbListenerDto = LbStatus & {
  externalId: string;
  name: string;
  protocol: ListenerProtocol;
  protocolPort: number;
  /** -1 = unlimited. */
  connectionLimit: number;
  defaultPoolExternalId: string | null;
};

export type LoadBalancerDto = LbStatus & {
  externalId: string;
  name: string;
  description: string;
  projectExternalId: string;
  vipAddress: string | null;
  vipSubnetExternalId: string | null;
  vipPortExternalId: string | null;
  listeners: LbListenerDto[];
  pools: LbPoolDto[];
  createdAt: string | null;
  updatedAt: string | null;
};

export type CreateLoadBalancerSpec = {
  name: string;
  description?: string;
  vipSubnetExternalId: string;
  vipAddress?: string;
};

export type CreateListenerSpec = {
  loadBalancerExternalId: string;
  name: string;
  protocol: ListenerProtocol;
  protocolPort: number;
  connectionLimit?: number;
  defaultPoolExternalId?: string;
};

export type CreatePoolSpec = {
  name: string;
  protocol: PoolProtocol;
  lbAlgorithm: LbAlgorithm;
  /** One of the two. */
  listenerExternalId?: string;
  loadBalancerExternalId?: string;
};

export type CreateMemberSpec = {
  name?: string;
  address: string;
  protocolPort: number;
  weight?: number;
  subnetExternalId?: string;
};

export type CreateHealthMonitorSpec = {
  poolExternalId: string;
  type: HealthMonitorType;
  delaySeconds: number;
  timeoutSeconds: number;
  maxRetries: number;
  urlPath?: string;
};
