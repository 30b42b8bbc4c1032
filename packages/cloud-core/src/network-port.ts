import type { CallOptions } from './call-options';
import type { Scope } from './dto';
import type {
  CreateFirewallGroupSpec,
  CreateFirewallRuleSpec,
  CreateHealthMonitorSpec,
  CreateListenerSpec,
  CreateLoadBalancerSpec,
  CreateMemberSpec,
  CreateNetworkSpec,
  CreatePoolSpec,
  CreatePortForwardingSpec,
  CreatePortSpec,
  CreateRouterSpec,
  CreateSecurityGroupRuleSpec,
  CreateSubnetSpec,
  FirewallGroupDto,
  FirewallPolicyDto,
  FirewallRuleDto,
  FloatingIpDto,
  LoadBalancerDto,
  NetworkDetailDto,
  PortDto,
  PortForwardingDto,
  RouterDto,
  SecurityGroupDetailDto,
  SubnetDto,
} from './network-dto';

/**
 * Networking, an optional sub-port (capabilities `network.*`, `router.manage`, `floating-ip*`,
 * `security-group.manage`). Neutron answers at once. Lists in a scope hold what the project
 * owns plus, for networks, shared and external ones. Gets of an
 * object outside the scope's project throw a `not-found` CloudError. Deletes are idempotent.
 * Cloud refusals keep the cloud's words (e.g. Neutron's overlapping-CIDR message) on the
 * CloudError's upstreamMessage.
 */
export interface NetworkPort {
  listNetworkDetails(scope: Scope, options?: CallOptions): Promise<NetworkDetailDto[]>;
  getNetwork(scope: Scope, externalId: string, options?: CallOptions): Promise<NetworkDetailDto>;
  createNetwork(
    scope: Scope,
    spec: CreateNetworkSpec,
    options?: CallOptions,
  ): Promise<NetworkDetailDto>;
  deleteNetwork(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  listSubnets(scope: Scope, options?: CallOptions): Promise<SubnetDto[]>;
  getSubnet(scope: Scope, externalId: string, options?: CallOptions): Promise<SubnetDto>;
  createSubnet(scope: Scope, spec: CreateSubnetSpec, options?: CallOptions): Promise<SubnetDto>;
  updateSubnet(
    scope: Scope,
    externalId: string,
    patch: Partial<
      Pick<
        CreateSubnetSpec,
        'name' | 'gatewayIp' | 'enableDhcp' | 'dnsNameservers' | 'allocationPools' | 'hostRoutes'
      >
    >,
    options?: CallOptions,
  ): Promise<SubnetDto>;
  deleteSubnet(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  /** Ports of the project; `deviceExternalId` narrows to one server's or router's ports. */
  listPorts(
    scope: Scope,
    query?: { deviceExternalId?: string; networkExternalId?: string },
    options?: CallOptions,
  ): Promise<PortDto[]>;
  createPort(scope: Scope, spec: CreatePortSpec, options?: CallOptions): Promise<PortDto>;
  deletePort(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  listRouters(scope: Scope, options?: CallOptions): Promise<RouterDto[]>;
  getRouter(scope: Scope, externalId: string, options?: CallOptions): Promise<RouterDto>;
  createRouter(scope: Scope, spec: CreateRouterSpec, options?: CallOptions): Promise<RouterDto>;
  /** null clears the gateway. */
  setRouterGateway(
    scope: Scope,
    externalId: string,
    gateway: { networkExternalId: string; enableSnat?: boolean } | null,
    options?: CallOptions,
  ): Promise<RouterDto>;
  addRouterInterface(
    scope: Scope,
    externalId: string,
    subnetExternalId: string,
    options?: CallOptions,
  ): Promise<void>;
  removeRouterInterface(
    scope: Scope,
    externalId: string,
    subnetExternalId: string,
    options?: CallOptions,
  ): Promise<void>;
  deleteRouter(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  listFloatingIps(scope: Scope, options?: CallOptions): Promise<FloatingIpDto[]>;
  getFloatingIp(scope: Scope, externalId: string, options?: CallOptions): Promise<FloatingIpDto>;
  allocateFloatingIp(
    scope: Scope,
    input: { networkExternalId: string; description?: string },
    options?: CallOptions,
  ): Promise<FloatingIpDto>;
  /** Neutron refuses when the port's subnet has no router to the floating network (404). */
  associateFloatingIp(
    scope: Scope,
    externalId: string,
    input: { portExternalId: string; fixedIpAddress?: string },
    options?: CallOptions,
  ): Promise<FloatingIpDto>;
  disassociateFloatingIp(
    scope: Scope,
    externalId: string,
    options?: CallOptions,
  ): Promise<FloatingIpDto>;
  releaseFloatingIp(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  listPortForwardings(
    scope: Scope,
    floatingIpExternalId: string,
    options?: CallOptions,
  ): Promise<PortForwardingDto[]>;
  createPortForwarding(
    scope: Scope,
    floatingIpExternalId: string,
    spec: CreatePortForwardingSpec,
    options?: CallOptions,
  ): Promise<PortForwardingDto>;
  deletePortForwarding(
    scope: Scope,
    floatingIpExternalId: string,
    externalId: string,
    options?: CallOptions,
  ): Promise<void>;

  listSecurityGroupDetails(scope: Scope, options?: CallOptions): Promise<SecurityGroupDetailDto[]>;
  getSecurityGroup(
    scope: Scope,
    externalId: string,
    options?: CallOptions,
  ): Promise<SecurityGroupDetailDto>;
  /** The cloud adds its default egress rules to a new group. */
  createSecurityGroup(
    scope: Scope,
    input: { name: string; description?: string },
    options?: CallOptions,
  ): Promise<SecurityGroupDetailDto>;
  deleteSecurityGroup(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  createSecurityGroupRule(
    scope: Scope,
    spec: CreateSecurityGroupRuleSpec,
    options?: CallOptions,
  ): Promise<SecurityGroupDetailDto['rules'][number]>;
  deleteSecurityGroupRule(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
}

/** Firewalls, an optional sub-port (capability `firewall`; FWaaS v2 on OpenStack). */
export interface FirewallPort {
  listFirewallGroups(scope: Scope, options?: CallOptions): Promise<FirewallGroupDto[]>;
  getFirewallGroup(
    scope: Scope,
    externalId: string,
    options?: CallOptions,
  ): Promise<FirewallGroupDto>;
  createFirewallGroup(
    scope: Scope,
    spec: CreateFirewallGroupSpec,
    options?: CallOptions,
  ): Promise<FirewallGroupDto>;
  updateFirewallGroup(
    scope: Scope,
    externalId: string,
    patch: Partial<CreateFirewallGroupSpec>,
    options?: CallOptions,
  ): Promise<FirewallGroupDto>;
  deleteFirewallGroup(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  listFirewallPolicies(scope: Scope, options?: CallOptions): Promise<FirewallPolicyDto[]>;
  createFirewallPolicy(
    scope: Scope,
    input: { name: string; description?: string; ruleExternalIds?: string[]; audited?: boolean },
    options?: CallOptions,
  ): Promise<FirewallPolicyDto>;
  updateFirewallPolicyRules(
    scope: Scope,
    externalId: string,
    ruleExternalIds: string[],
    options?: CallOptions,
  ): Promise<FirewallPolicyDto>;
  deleteFirewallPolicy(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  listFirewallRules(scope: Scope, options?: CallOptions): Promise<FirewallRuleDto[]>;
  createFirewallRule(
    scope: Scope,
    spec: CreateFirewallRuleSpec,
    options?: CallOptions,
  ): Promise<FirewallRuleDto>;
  deleteFirewallRule(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
}

/**
 * Load balancing, an optional sub-port (capability `load-balancer`; Octavia v2 on OpenStack):
 * listeners, pools, members, health monitors come embedded in the LoadBalancerDto. Every child
 * change returns at once and puts the load balancer into PENDING_UPDATE (the portal's task
 * watches it with getLoadBalancer); wait for ACTIVE before the next one. Deletes are idempotent.
 */
export interface LoadBalancingPort {
  listLoadBalancers(scope: Scope, options?: CallOptions): Promise<LoadBalancerDto[]>;
  getLoadBalancer(
    scope: Scope,
    externalId: string,
    options?: CallOptions,
  ): Promise<LoadBalancerDto>;
  createLoadBalancer(
    scope: Scope,
    spec: CreateLoadBalancerSpec,
    options?: CallOptions,
  ): Promise<LoadBalancerDto>;
  /** Cascade: listeners, pools, members and monitors go with it. */
  deleteLoadBalancer(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  createListener(
    scope: Scope,
    spec: CreateListenerSpec,
    options?: CallOptions,
  ): Promise<{ externalId: string }>;
  deleteListener(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  createPool(
    scope: Scope,
    spec: CreatePoolSpec,
    options?: CallOptions,
  ): Promise<{ externalId: string }>;
  deletePool(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  addPoolMember(
    scope: Scope,
    poolExternalId: string,
    spec: CreateMemberSpec,
    options?: CallOptions,
  ): Promise<{ externalId: string }>;
  removePoolMember(
    scope: Scope,
    poolExternalId: string,
    memberExternalId: string,
    options?: CallOptions,
  ): Promise<void>;
  createHealthMonitor(
    scope: Scope,
    spec: CreateHealthMonitorSpec,
    options?: CallOptions,
  ): Promise<{ externalId: string }>;
  deleteHealthMonitor(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
}
