import {
  healthMonitorTypes,
  lbAlgorithms,
  listenerProtocols,
  poolProtocols,
  type FirewallGroupDto,
  type FirewallPolicyDto,
  type FirewallRuleDto,
  type FloatingIpDto,
  type HealthMonitorDto,
  type LbListenerDto,
  type LbMemberDto,
  type LbPoolDto,
  type LoadBalancerDto,
  type NetworkDetailDto,
  type PortDto,
  type PortForwardingDto,
  type RouterDto,
  type SecurityGroupDetailDto,
  type SecurityGroupRuleDto,
  type SubnetDto,
} from '@yunguan/cloud-core';
import type { HealthMonitor } from '../services/load-balancer/v2/healthmonitors/results';
import type { Listener } from '../services/load-balancer/v2/listeners/results';
import type { LoadBalancer } from '../services/load-balancer/v2/loadbalancers/results';
import type { Member } from '../services/load-balancer/v2/members/results';
import type { Pool } from '../services/load-balancer/v2/pools/results';
import type { FirewallGroup } from '../services/network/v2/fwaas/firewall-groups/results';
import type { FirewallPolicy } from '../services/network/v2/fwaas/firewall-policies/results';
import type { FirewallRule } from '../services/network/v2/fwaas/firewall-rules/results';
import type { FloatingIp } from '../services/network/v2/floating-ips/results';
import type { Network } from '../services/network/v2/networks/results';
import type { PortForwarding } from '../services/network/v2/port-forwardings/results';
import type { Port } from '../services/network/v2/ports/results';
import type { Router } from '../services/network/v2/routers/results';
import type { SecurityGroupRule } from '../services/network/v2/security-group-rules/results';
import type { SecurityGroup } from '../services/network/v2/security-groups/results';
import type { Subnet } from '../services/network/v2/subnets/results';
import { ownerOf } from './network-scope';
import { toNetworkDto, toSecurityGroupDto } from './to-dto';

/** A value of a known list, or the fallback when the cloud answers one we do not model. */
const oneOf = <T extends string>(list: readonly T[], value: string | null | undefined, or: T): T =>
  list.find((item) => item === value) ?? or;

const fixedIpsOf = (list: { subnet_id: string; ip_address: string }[] | null | undefined) =>
  (list ?? []).map((f) => ({ subnetExternalId: f.subnet_id, ipAddress: f.ip_address }));

export const toNetworkDetailDto = (n: Network): NetworkDetailDto => ({
  ...toNetworkDto(n),
  description: n.description ?? '',
  physicalNetwork: n['provider:physical_network'] ?? null,
  segmentationId: n['provider:segmentation_id'] ?? null,
});

export const toSubnetDto = (s: Subnet): SubnetDto => ({
  externalId: s.id,
  name: s.name,
  description: s.description ?? '',
  networkExternalId: s.network_id,
  projectExternalId: ownerOf(s),
  cidr: s.cidr,
  ipVersion: s.ip_version === 6 ? 6 : 4,
  gatewayIp: s.gateway_ip ?? null,
  enableDhcp: s.enable_dhcp ?? false,
  dnsNameservers: s.dns_nameservers ?? [],
  allocationPools: (s.allocation_pools ?? []).map((p) => ({ start: p.start, end: p.end })),
  hostRoutes: (s.host_routes ?? []).map((r) => ({
    destination: r.destination,
    nexthop: r.nexthop,
  })),
  createdAt: s.created_at ?? null,
  updatedAt: s.updated_at ?? null,
});

export const toPortDto = (p: Port): PortDto => ({
  externalId: p.id,
  name: p.name,
  networkExternalId: p.network_id,
  projectExternalId: ownerOf(p),
  macAddress: p.mac_address,
  fixedIps: fixedIpsOf(p.fixed_ips),
  deviceOwner: p.device_owner ?? '',
  deviceExternalId: p.device_id ?? '',
  status: p.status,
  adminStateUp: p.admin_state_up,
  securityGroupExternalIds: p.security_groups ?? [],
  createdAt: p.created_at ?? null,
});

/** Router interface ports: `network:router_interface`, `…_distributed`, `…_ha_interface`. */
export const isRouterInterface = (p: Port) =>
  (p.device_owner ?? '').startsWith('network:router_interface') ||
  p.device_owner === 'network:ha_router_replicated_interface';

export const toRouterDto = (r: Router, ports: Port[]): RouterDto => ({
  externalId: r.id,
  name: r.name,
  description: r.description ?? '',
  projectExternalId: ownerOf(r),
  status: r.status,
  adminStateUp: r.admin_state_up,
  externalGateway: r.external_gateway_info
    ? {
        networkExternalId: r.external_gateway_info.network_id,
        enableSnat: r.external_gateway_info.enable_snat ?? false,
        externalFixedIps: fixedIpsOf(r.external_gateway_info.external_fixed_ips),
      }
    : null,
  interfaces: ports
    .filter((p) => p.device_id === r.id && isRouterInterface(p))
    .flatMap((p) =>
      (p.fixed_ips ?? []).map((f) => ({
        portExternalId: p.id,
        subnetExternalId: f.subnet_id,
        ipAddress: f.ip_address,
      })),
    ),
  createdAt: r.created_at ?? null,
  updatedAt: r.updated_at ?? null,
});

export const toFloatingIpDto = (f: FloatingIp): FloatingIpDto => ({
  externalId: f.id,
  floatingIpAddress: f.floating_ip_address,
  floatingNetworkExternalId: f.floating_network_id,
  projectExternalId: ownerOf(f),
  status: f.status,
  portExternalId: f.port_id ?? null,
  fixedIpAddress: f.fixed_ip_address ?? null,
  routerExternalId: f.router_id ?? null,
  description: f.description ?? '',
  createdAt: f.created_at ?? null,
  updatedAt: f.updated_at ?? null,
});

export const toPortForwardingDto = (fipId: string, p: PortForwarding): PortForwardingDto => ({
  externalId: p.id,
  floatingIpExternalId: fipId,
  protocol: p.protocol === 'udp' ? 'udp' : 'tcp',
  internalPortExternalId: p.internal_port_id,
  internalIpAddress: p.internal_ip_address,
  internalPort: p.internal_port,
  externalPort: p.external_port,
  description: p.description ?? '',
});

export const toSecurityGroupRuleDto = (r: SecurityGroupRule): SecurityGroupRuleDto => ({
  externalId: r.id,
  securityGroupExternalId: r.security_group_id,
  direction: r.direction,
  ethertype: r.ethertype,
  protocol: r.protocol ?? null,
  portRangeMin: r.port_range_min ?? null,
  portRangeMax: r.port_range_max ?? null,
  remoteIpPrefix: r.remote_ip_prefix ?? null,
  remoteGroupExternalId: r.remote_group_id ?? null,
  description: r.description ?? '',
});

export const toSecurityGroupDetailDto = (g: SecurityGroup): SecurityGroupDetailDto => ({
  ...toSecurityGroupDto(g),
  rules: (g.security_group_rules ?? []).map(toSecurityGroupRuleDto),
  createdAt: g.created_at ?? null,
  updatedAt: g.updated_at ?? null,
});

const fwProtocols = ['tcp', 'udp', 'icmp'] as const;
const fwActions = ['allow', 'deny', 'reject'] as const;

export const toFirewallRuleDto = (r: FirewallRule): FirewallRuleDto => ({
  externalId: r.id,
  name: r.name ?? '',
  description: r.description ?? '',
  projectExternalId: ownerOf(r),
  protocol: fwProtocols.find((p) => p === r.protocol) ?? null,
  action: oneOf(fwActions, r.action, 'deny'),
  ipVersion: r.ip_version === 6 ? 6 : 4,
  sourceIpAddress: r.source_ip_address ?? null,
  destinationIpAddress: r.destination_ip_address ?? null,
  sourcePort: r.source_port ?? null,
  destinationPort: r.destination_port ?? null,
  enabled: r.enabled,
});

export const toFirewallPolicyDto = (p: FirewallPolicy): FirewallPolicyDto => ({
  externalId: p.id,
  name: p.name ?? '',
  description: p.description ?? '',
  projectExternalId: ownerOf(p),
  ruleExternalIds: p.firewall_rules ?? [],
  audited: p.audited ?? false,
});

export const toFirewallGroupDto = (g: FirewallGroup): FirewallGroupDto => ({
  externalId: g.id,
  name: g.name ?? '',
  description: g.description ?? '',
  projectExternalId: ownerOf(g),
  status: g.status,
  adminStateUp: g.admin_state_up,
  ingressPolicyExternalId: g.ingress_firewall_policy_id ?? null,
  egressPolicyExternalId: g.egress_firewall_policy_id ?? null,
  portExternalIds: g.ports ?? [],
});

const statusOf = (r: { provisioning_status: string; operating_status: string }) => ({
  provisioningStatus: r.provisioning_status,
  operatingStatus: r.operating_status,
});

export const toLbMemberDto = (m: Member): LbMemberDto => ({
  ...statusOf(m),
  externalId: m.id,
  name: m.name ?? '',
  address: m.address,
  protocolPort: m.protocol_port,
  weight: m.weight ?? 1,
  subnetExternalId: m.subnet_id ?? null,
});

export const toHealthMonitorDto = (h: HealthMonitor): HealthMonitorDto => ({
  ...statusOf(h),
  externalId: h.id,
  type: oneOf(healthMonitorTypes, h.type, 'TCP'),
  delaySeconds: h.delay,
  timeoutSeconds: h.timeout,
  maxRetries: h.max_retries,
  urlPath: h.url_path ?? null,
});

export const toLbListenerDto = (l: Listener): LbListenerDto => ({
  ...statusOf(l),
  externalId: l.id,
  name: l.name ?? '',
  protocol: oneOf(listenerProtocols, l.protocol, 'TCP'),
  protocolPort: l.protocol_port,
  connectionLimit: l.connection_limit ?? -1,
  defaultPoolExternalId: l.default_pool_id ?? null,
});

export const toLbPoolDto = (
  p: Pool,
  members: Member[],
  monitor: HealthMonitor | undefined,
): LbPoolDto => ({
  ...statusOf(p),
  externalId: p.id,
  name: p.name ?? '',
  protocol: oneOf(poolProtocols, p.protocol, 'TCP'),
  lbAlgorithm: oneOf(lbAlgorithms, p.lb_algorithm, 'ROUND_ROBIN'),
  listenerExternalIds: (p.listeners ?? []).map((l) => l.id),
  members: members.map(toLbMemberDto),
  healthMonitor: monitor === undefined ? null : toHealthMonitorDto(monitor),
});

export const toLoadBalancerDto = (
  lb: LoadBalancer,
  listeners: LbListenerDto[],
  pools: LbPoolDto[],
): LoadBalancerDto => ({
  ...statusOf(lb),
  externalId: lb.id,
  name: lb.name ?? '',
  description: lb.description ?? '',
  projectExternalId: ownerOf(lb),
  vipAddress: lb.vip_address ?? null,
  vipSubnetExternalId: lb.vip_subnet_id ?? null,
  vipPortExternalId: lb.vip_port_id ?? null,
  listeners,
  pools,
  createdAt: lb.created_at ?? null,
  updatedAt: lb.updated_at ?? null,
});
