import { randomBytes } from 'node:crypto';
import {
  isCloudError,
  type CloudError,
  type CloudProvider,
  type LoadBalancerDto,
  type NetworkDetailDto,
  type PortDto,
  type RouterDto,
  type Scope,
  type SubnetDto,
  type TenantBinding,
} from '@yunguan/cloud-core';
import { afterAll, expect, it } from 'vitest';

/** What the network cases need from the suite and the peer. */
export type NetworkContractContext = {
  provider: CloudProvider;
  scope: Scope;
  /** An external network (router:external) made by the fixtures, with an IPv4 subnet. */
  externalNetworkExternalId: string;
  firewall: 'present' | 'absent';
  loadBalancer: 'present' | 'absent';
  portForwarding: 'present' | 'absent';
  removeTenant: (binding: TenantBinding) => Promise<void>;
};

/** Neutron on the real peer may take seconds per router or floating-IP change on a busy host. */
const slow = 120_000;

/** The test's own loop (the adapter never waits): look again until `probe` answers. */
const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const refusal = async (call: Promise<unknown>): Promise<CloudError> => {
  const error: unknown = await call.then(
    () => new Error('the cloud accepted what it should refuse'),
    (e: unknown) => e,
  );
  if (!isCloudError(error)) throw error;
  return error;
};

/**
 * Network cases of the contract (Neutron, FWaaS v2, Octavia) in the suite's project: networks
 * and subnets with the cloud's own refusals, routers, floating IPs (refused without a route to
 * the external network), security groups, and — where the peer has them — port forwarding,
 * firewalls and load balancers; where it has not, the capability is absent. Registered inside
 * describeProviderContract after ensureTenant.
 */
export const describeNetworkContract = (get: () => NetworkContractContext, suffix: string) => {
  let net: NetworkDetailDto;
  let subnet: SubnetDto;
  let router: RouterDto;
  let port: PortDto;
  let other: TenantBinding | undefined;
  const octet = 16 + ((randomBytes(1)[0] ?? 0) % 200);
  const cidr = `10.${octet}.77.0/24`;
  const at = (host: number) => `10.${octet}.77.${host}`;

  afterAll(async () => {
    if (other !== undefined) await get().removeTenant(other);
  }, 60_000);

  it(
    'creates a network in the project; another project cannot see it',
    async () => {
      const { provider, scope } = get();
      net = await provider.createNetwork(scope, {
        name: `contract-net-${suffix}`,
        description: 'contract network',
      });
      expect(net).toMatchObject({
        projectExternalId: scope.projectExternalId,
        external: false,
        shared: false,
        description: 'contract network',
      });
      const listed = await provider.listNetworkDetails(scope);
      expect(listed.find((n) => n.externalId === net.externalId)?.name).toBe(
        `contract-net-${suffix}`,
      );
      expect(listed.find((n) => n.externalId === get().externalNetworkExternalId)?.external).toBe(
        true,
      );
      other = await provider.ensureTenant({
        departmentId: `contract-other-dept-${suffix}`,
        departmentName: '合约测试其他部门',
        projectId: `contract-other-proj-${suffix}`,
        projectName: 'Contract other project',
      });
      const otherScope = { projectExternalId: other.projectExternalId };
      const error = await refusal(provider.getNetwork(otherScope, net.externalId));
      expect(error.kind).toBe('not-found');
      expect(
        (await provider.listNetworkDetails(otherScope)).map((n) => n.externalId),
      ).not.toContain(net.externalId);
    },
    slow,
  );

  it(
    'creates a subnet whose fields round-trip; overlapping and invalid ones are refused in the cloud’s words',
    async () => {
      const { provider, scope } = get();
      subnet = await provider.createSubnet(scope, {
        networkExternalId: net.externalId,
        name: `contract-subnet-${suffix}`,
        cidr,
        ipVersion: 4,
        gatewayIp: at(1),
        enableDhcp: true,
        dnsNameservers: ['192.0.2.53'],
        allocationPools: [{ start: at(10), end: at(100) }],
      });
      expect(subnet).toMatchObject({
        networkExternalId: net.externalId,
        projectExternalId: scope.projectExternalId,
        cidr,
        ipVersion: 4,
        gatewayIp: at(1),
        enableDhcp: true,
        dnsNameservers: ['192.0.2.53'],
        allocationPools: [{ start: at(10), end: at(100) }],
      });
      expect(await provider.getSubnet(scope, subnet.externalId)).toMatchObject({ cidr });

      const overlap = await refusal(
        provider.createSubnet(scope, {
          networkExternalId: net.externalId,
          name: `contract-overlap-${suffix}`,
          cidr: `10.${octet}.77.128/25`,
          ipVersion: 4,
          enableDhcp: false,
        }),
      );
      expect(overlap.kind).toBe('bad-request');
      expect(overlap.upstreamMessage).toMatch(/overlaps with another subnet/);
      const onNetwork = (await provider.listSubnets(scope)).filter(
        (s) => s.networkExternalId === net.externalId,
      );
      expect(onNetwork.map((s) => s.externalId)).toEqual([subnet.externalId]);

      // Neutron accepts a gateway outside the CIDR (Zed does); the network address is refused.
      const badGateway = await refusal(
        provider.createSubnet(scope, {
          networkExternalId: net.externalId,
          name: `contract-bad-gw-${suffix}`,
          cidr: `10.${octet}.78.0/24`,
          ipVersion: 4,
          gatewayIp: `10.${octet}.78.0`,
          enableDhcp: false,
        }),
      );
      expect(badGateway.kind).toBe('bad-request');
      expect(badGateway.upstreamMessage).toMatch(/gateway is not valid on subnet/i);

      const updated = await provider.updateSubnet(scope, subnet.externalId, {
        name: `contract-subnet-${suffix}-renamed`,
        dnsNameservers: ['192.0.2.54'],
      });
      expect(updated).toMatchObject({
        name: `contract-subnet-${suffix}-renamed`,
        dnsNameservers: ['192.0.2.54'],
        gatewayIp: at(1),
      });
    },
    slow,
  );

  it(
    'creates a router, sets its gateway with SNAT, adds and removes an interface',
    async () => {
      const { provider, scope, externalNetworkExternalId } = get();
      router = await provider.createRouter(scope, { name: `contract-router-${suffix}` });
      expect(router).toMatchObject({ externalGateway: null, interfaces: [] });
      const withGateway = await provider.setRouterGateway(scope, router.externalId, {
        networkExternalId: externalNetworkExternalId,
        enableSnat: true,
      });
      expect(withGateway.externalGateway).toMatchObject({
        networkExternalId: externalNetworkExternalId,
        enableSnat: true,
      });
      expect(withGateway.externalGateway?.externalFixedIps.length).toBeGreaterThan(0);
      await provider.addRouterInterface(scope, router.externalId, subnet.externalId);
      const joined = await provider.getRouter(scope, router.externalId);
      expect(joined.interfaces).toEqual([
        expect.objectContaining({ subnetExternalId: subnet.externalId, ipAddress: at(1) }),
      ]);
      const listed = await provider.listRouters(scope);
      expect(listed.find((r) => r.externalId === router.externalId)?.interfaces).toHaveLength(1);
      await provider.removeRouterInterface(scope, router.externalId, subnet.externalId);
      expect((await provider.getRouter(scope, router.externalId)).interfaces).toEqual([]);
    },
    slow,
  );

  it(
    'refuses a floating IP for a port without a route to the external network; associates once routed',
    async () => {
      const { provider, scope, externalNetworkExternalId } = get();
      const fip = await provider.allocateFloatingIp(scope, {
        networkExternalId: externalNetworkExternalId,
        description: 'contract fip',
      });
      expect(fip).toMatchObject({
        floatingNetworkExternalId: externalNetworkExternalId,
        projectExternalId: scope.projectExternalId,
        portExternalId: null,
        description: 'contract fip',
      });
      port = await provider.createPort(scope, {
        networkExternalId: net.externalId,
        name: `contract-port-${suffix}`,
        fixedIps: [{ subnetExternalId: subnet.externalId }],
      });
      expect(port.fixedIps[0]?.subnetExternalId).toBe(subnet.externalId);
      expect(
        (await provider.listPorts(scope, { networkExternalId: net.externalId })).map(
          (p) => p.externalId,
        ),
      ).toContain(port.externalId);

      const unrouted = await refusal(
        provider.associateFloatingIp(scope, fip.externalId, { portExternalId: port.externalId }),
      );
      expect(['not-found', 'bad-request']).toContain(unrouted.kind);
      expect(unrouted.upstreamMessage).toMatch(/is not reachable from subnet/);
      expect((await provider.getFloatingIp(scope, fip.externalId)).portExternalId).toBeNull();

      await provider.addRouterInterface(scope, router.externalId, subnet.externalId);
      const associated = await provider.associateFloatingIp(scope, fip.externalId, {
        portExternalId: port.externalId,
      });
      expect(associated).toMatchObject({
        portExternalId: port.externalId,
        fixedIpAddress: port.fixedIps[0]?.ipAddress,
        routerExternalId: router.externalId,
      });
      expect((await provider.listFloatingIps(scope)).map((f) => f.externalId)).toContain(
        fip.externalId,
      );
      const freed = await provider.disassociateFloatingIp(scope, fip.externalId);
      expect(freed.portExternalId).toBeNull();
      await provider.releaseFloatingIp(scope, fip.externalId);
      expect((await refusal(provider.getFloatingIp(scope, fip.externalId))).kind).toBe('not-found');
      await provider.releaseFloatingIp(scope, fip.externalId);
    },
    slow,
  );

  it(
    'forwards a port of a floating IP exactly where the cloud has the extension',
    async () => {
      const { provider, scope, externalNetworkExternalId, portForwarding } = get();
      const found = await provider.discoverCapabilities();
      expect(found.has('floating-ip.port-forwarding')).toBe(portForwarding === 'present');
      expect(found.has('floating-ip')).toBe(true);
      if (portForwarding === 'absent') return;
      const fip = await provider.allocateFloatingIp(scope, {
        networkExternalId: externalNetworkExternalId,
      });
      const ip = port.fixedIps[0]?.ipAddress ?? '';
      const pf = await provider.createPortForwarding(scope, fip.externalId, {
        protocol: 'tcp',
        internalPortExternalId: port.externalId,
        internalIpAddress: ip,
        internalPort: 22,
        externalPort: 2222,
      });
      expect(pf).toMatchObject({ internalIpAddress: ip, internalPort: 22, externalPort: 2222 });
      expect(
        (await provider.listPortForwardings(scope, fip.externalId)).map((p) => p.externalId),
      ).toEqual([pf.externalId]);
      await provider.deletePortForwarding(scope, fip.externalId, pf.externalId);
      expect(await provider.listPortForwardings(scope, fip.externalId)).toEqual([]);
      await provider.deletePortForwarding(scope, fip.externalId, pf.externalId);
      await provider.releaseFloatingIp(scope, fip.externalId);
    },
    slow,
  );

  it(
    'has the project’s default security group; a new group gets egress rules; duplicate rules conflict',
    async () => {
      const { provider, scope } = get();
      const groups = await provider.listSecurityGroupDetails(scope);
      const defaults = groups.filter((g) => g.name === 'default');
      expect(defaults).toHaveLength(1);
      const def = defaults[0];
      const shape = (g: NonNullable<typeof def>) =>
        g.rules
          .map(
            (r) =>
              `${r.direction} ${r.ethertype} ${r.protocol ?? 'any'} ${r.remoteIpPrefix ?? '-'} ${
                r.remoteGroupExternalId === g.externalId ? 'self' : (r.remoteGroupExternalId ?? '-')
              }`,
          )
          .sort();
      expect(def && shape(def)).toEqual([
        'egress IPv4 any - -',
        'egress IPv6 any - -',
        'ingress IPv4 any - self',
        'ingress IPv6 any - self',
      ]);

      const group = await provider.createSecurityGroup(scope, {
        name: `contract-sg-${suffix}`,
        description: 'contract group',
      });
      expect(shape(group)).toEqual(['egress IPv4 any - -', 'egress IPv6 any - -']);
      const ssh = {
        securityGroupExternalId: group.externalId,
        direction: 'ingress' as const,
        ethertype: 'IPv4' as const,
        protocol: 'tcp',
        portRangeMin: 22,
        portRangeMax: 22,
        remoteIpPrefix: '0.0.0.0/0',
        remoteGroupExternalId: null,
      };
      const rule = await provider.createSecurityGroupRule(scope, ssh);
      expect(rule).toMatchObject({ ...ssh, externalId: expect.any(String) as string });
      expect(
        (await provider.getSecurityGroup(scope, group.externalId)).rules.map((r) => r.externalId),
      ).toContain(rule.externalId);
      const duplicate = await refusal(provider.createSecurityGroupRule(scope, ssh));
      expect(duplicate.kind).toBe('conflict');
      expect(duplicate.upstreamMessage).toMatch(/already exists/);
      await provider.deleteSecurityGroupRule(scope, rule.externalId);
      await provider.deleteSecurityGroupRule(scope, rule.externalId);
      expect(
        (await provider.getSecurityGroup(scope, group.externalId)).rules.map((r) => r.externalId),
      ).not.toContain(rule.externalId);
      await provider.deleteSecurityGroup(scope, group.externalId);
      expect((await refusal(provider.getSecurityGroup(scope, group.externalId))).kind).toBe(
        'not-found',
      );
      await provider.deleteSecurityGroup(scope, group.externalId);
    },
    slow,
  );

  it(
    'runs FWaaS v2 rules, policies and groups exactly where the cloud has fwaas_v2',
    async () => {
      const { provider, scope, firewall } = get();
      expect((await provider.discoverCapabilities()).has('firewall')).toBe(firewall === 'present');
      if (firewall === 'absent') {
        const error = await refusal(provider.listFirewallGroups(scope));
        expect(error.kind).toBe('not-found');
        return;
      }
      const rule = await provider.createFirewallRule(scope, {
        name: `contract-fwr-${suffix}`,
        protocol: 'tcp',
        action: 'allow',
        ipVersion: 4,
        sourceIpAddress: null,
        destinationIpAddress: null,
        sourcePort: null,
        destinationPort: '80',
        enabled: true,
      });
      expect(rule).toMatchObject({ protocol: 'tcp', action: 'allow', destinationPort: '80' });
      const policy = await provider.createFirewallPolicy(scope, {
        name: `contract-fwp-${suffix}`,
        ruleExternalIds: [rule.externalId],
      });
      expect(policy.ruleExternalIds).toEqual([rule.externalId]);
      const group = await provider.createFirewallGroup(scope, {
        name: `contract-fwg-${suffix}`,
        ingressPolicyExternalId: policy.externalId,
      });
      expect(group.ingressPolicyExternalId).toBe(policy.externalId);
      expect(['ACTIVE', 'INACTIVE']).toContain(group.status);
      expect((await provider.listFirewallGroups(scope)).map((g) => g.externalId)).toContain(
        group.externalId,
      );
      await provider.deleteFirewallGroup(scope, group.externalId);
      await provider.deleteFirewallPolicy(scope, policy.externalId);
      await provider.deleteFirewallRule(scope, rule.externalId);
      expect((await refusal(provider.getFirewallGroup(scope, group.externalId))).kind).toBe(
        'not-found',
      );
      await provider.deleteFirewallGroup(scope, group.externalId);
      await provider.deleteFirewallPolicy(scope, policy.externalId);
      await provider.deleteFirewallRule(scope, rule.externalId);
      expect(await provider.listFirewallRules(scope)).toEqual([]);
    },
    slow,
  );

  it(
    'builds a load balancer exactly where the catalog has Octavia; delete cascades',
    async () => {
      const { provider, scope, loadBalancer } = get();
      expect((await provider.discoverCapabilities()).has('load-balancer')).toBe(
        loadBalancer === 'present',
      );
      if (loadBalancer === 'absent') {
        expect((await refusal(provider.listLoadBalancers(scope))).kind).toBe('unavailable');
        return;
      }
      const lb = await provider.createLoadBalancer(scope, {
        name: `contract-lb-${suffix}`,
        vipSubnetExternalId: subnet.externalId,
      });
      const active = async (): Promise<LoadBalancerDto | undefined> => {
        const now = await provider.getLoadBalancer(scope, lb.externalId);
        return now.provisioningStatus === 'ACTIVE' ? now : undefined;
      };
      await until('load balancer ACTIVE', active);
      const listener = await provider.createListener(scope, {
        loadBalancerExternalId: lb.externalId,
        name: 'http',
        protocol: 'HTTP',
        protocolPort: 80,
        connectionLimit: 1000,
      });
      await until('listener ACTIVE', active);
      const pool = await provider.createPool(scope, {
        name: 'web',
        protocol: 'HTTP',
        lbAlgorithm: 'ROUND_ROBIN',
        listenerExternalId: listener.externalId,
      });
      await until('pool ACTIVE', active);
      const member = await provider.addPoolMember(scope, pool.externalId, {
        address: at(50),
        protocolPort: 8080,
        subnetExternalId: subnet.externalId,
      });
      await until('member ACTIVE', active);
      const monitor = await provider.createHealthMonitor(scope, {
        poolExternalId: pool.externalId,
        type: 'HTTP',
        delaySeconds: 5,
        timeoutSeconds: 3,
        maxRetries: 3,
        urlPath: '/health',
      });
      const built = await until('health monitor ACTIVE', active);
      expect(built.vipSubnetExternalId).toBe(subnet.externalId);
      expect(built.listeners).toEqual([
        expect.objectContaining({
          externalId: listener.externalId,
          protocol: 'HTTP',
          protocolPort: 80,
          connectionLimit: 1000,
          provisioningStatus: 'ACTIVE',
        }),
      ]);
      expect(built.pools).toEqual([
        expect.objectContaining({
          externalId: pool.externalId,
          lbAlgorithm: 'ROUND_ROBIN',
          listenerExternalIds: [listener.externalId],
          provisioningStatus: 'ACTIVE',
          members: [expect.objectContaining({ externalId: member.externalId, address: at(50) })],
          healthMonitor: expect.objectContaining({
            externalId: monitor.externalId,
            type: 'HTTP',
            urlPath: '/health',
          }) as unknown,
        }),
      ]);
      expect((await provider.listLoadBalancers(scope)).map((l) => l.externalId)).toEqual([
        lb.externalId,
      ]);
      await provider.deleteLoadBalancer(scope, lb.externalId);
      await provider.deleteLoadBalancer(scope, lb.externalId);
      await until('load balancer gone', async () => {
        const error: unknown = await provider.getLoadBalancer(scope, lb.externalId).then(
          () => undefined,
          (e: unknown) => e,
        );
        return isCloudError(error) && error.kind === 'not-found' ? true : undefined;
      });
      await provider.deleteLoadBalancer(scope, lb.externalId);
      expect(await provider.listLoadBalancers(scope)).toEqual([]);
    },
    slow,
  );

  it(
    'tears down router, port, subnet and network; deleting again is not an error',
    async () => {
      const { provider, scope } = get();
      await provider.removeRouterInterface(scope, router.externalId, subnet.externalId);
      const cleared = await provider.setRouterGateway(scope, router.externalId, null);
      expect(cleared.externalGateway).toBeNull();
      await provider.deleteRouter(scope, router.externalId);
      await provider.deletePort(scope, port.externalId);
      await provider.deleteSubnet(scope, subnet.externalId);
      await provider.deleteNetwork(scope, net.externalId);
      expect((await refusal(provider.getNetwork(scope, net.externalId))).kind).toBe('not-found');
      expect((await refusal(provider.getRouter(scope, router.externalId))).kind).toBe('not-found');
      await provider.deleteRouter(scope, router.externalId);
      await provider.deletePort(scope, port.externalId);
      await provider.deleteSubnet(scope, subnet.externalId);
      await provider.deleteNetwork(scope, net.externalId);
      expect(await provider.listRouters(scope)).toEqual([]);
      expect(await provider.listFloatingIps(scope)).toEqual([]);
    },
    slow,
  );
};
