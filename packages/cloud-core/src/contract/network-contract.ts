import { randomBytes } from 'node:crypto';
import {
  isCloudError,
  type CloudError,
  type CloudProvider,
  type NetworkDetailDto,
  type PortDto,
  type RouterDto,
  type Scope,
  type SubnetDto,
  type TenantBinding,
} from '../index';
import { afterAll, expect, it } from 'vitest';
import { describeFirewallContract } from './firewall-contract';
import { describeLoadBalancingContract } from './load-balancing-contract';
import { networkOf } from './ports';

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
export const slow = 120_000;

/** The test's own loop (the adapter never waits): look again until `probe` answers. */
export const until = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

export const refusal = async (call: Promise<unknown>): Promise<CloudError> => {
  const error: unknown = await call.then(
    () => new Error('the cloud accepted what it should refuse'),
    (e: unknown) => e,
  );
  if (!isCloudError(error)) throw error;
  return error;
};

/**
 * Network cases of the contract (sub-port `network`; Neutron on OpenStack) in the suite's
 * project: networks and subnets with the cloud's own refusals, routers, floating IPs (refused
 * without a route to the external network), security groups, and — where the peer has them —
 * port forwarding; where it has not, the capability is absent. The firewall and load-balancing
 * sub-ports' cases run in between when declared (they use this network). Registered inside
 * describeProviderContract after ensureTenant.
 */
export const describeNetworkContract = (
  get: () => NetworkContractContext,
  suffix: string,
  parts: { firewall: boolean; loadBalancing: boolean },
) => {
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
      net = await networkOf(provider).createNetwork(scope, {
        name: `contract-net-${suffix}`,
        description: 'contract network',
      });
      expect(net).toMatchObject({
        projectExternalId: scope.projectExternalId,
        external: false,
        shared: false,
        description: 'contract network',
      });
      const listed = await networkOf(provider).listNetworkDetails(scope);
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
      const error = await refusal(networkOf(provider).getNetwork(otherScope, net.externalId));
      expect(error.kind).toBe('not-found');
      expect(
        (await networkOf(provider).listNetworkDetails(otherScope)).map((n) => n.externalId),
      ).not.toContain(net.externalId);
    },
    slow,
  );

  it(
    'creates a subnet whose fields round-trip; overlapping and invalid ones are refused in the cloud’s words',
    async () => {
      const { provider, scope } = get();
      subnet = await networkOf(provider).createSubnet(scope, {
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
      expect(await networkOf(provider).getSubnet(scope, subnet.externalId)).toMatchObject({ cidr });

      const overlap = await refusal(
        networkOf(provider).createSubnet(scope, {
          networkExternalId: net.externalId,
          name: `contract-overlap-${suffix}`,
          cidr: `10.${octet}.77.128/25`,
          ipVersion: 4,
          enableDhcp: false,
        }),
      );
      expect(overlap.kind).toBe('bad-request');
      expect(overlap.upstreamMessage).toMatch(/overlaps with another subnet/);
      const onNetwork = (await networkOf(provider).listSubnets(scope)).filter(
        (s) => s.networkExternalId === net.externalId,
      );
      expect(onNetwork.map((s) => s.externalId)).toEqual([subnet.externalId]);

      // Neutron accepts a gateway outside the CIDR (Zed does); the network address is refused.
      const badGateway = await refusal(
        networkOf(provider).createSubnet(scope, {
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

      const updated = await networkOf(provider).updateSubnet(scope, subnet.externalId, {
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
      router = await networkOf(provider).createRouter(scope, { name: `contract-router-${suffix}` });
      expect(router).toMatchObject({ externalGateway: null, interfaces: [] });
      const withGateway = await networkOf(provider).setRouterGateway(scope, router.externalId, {
        networkExternalId: externalNetworkExternalId,
        enableSnat: true,
      });
      expect(withGateway.externalGateway).toMatchObject({
        networkExternalId: externalNetworkExternalId,
        enableSnat: true,
      });
      expect(withGateway.externalGateway?.externalFixedIps.length).toBeGreaterThan(0);
      await networkOf(provider).addRouterInterface(scope, router.externalId, subnet.externalId);
      const joined = await networkOf(provider).getRouter(scope, router.externalId);
      expect(joined.interfaces).toEqual([
        expect.objectContaining({ subnetExternalId: subnet.externalId, ipAddress: at(1) }),
      ]);
      const listed = await networkOf(provider).listRouters(scope);
      expect(listed.find((r) => r.externalId === router.externalId)?.interfaces).toHaveLength(1);
      await networkOf(provider).removeRouterInterface(scope, router.externalId, subnet.externalId);
      expect((await networkOf(provider).getRouter(scope, router.externalId)).interfaces).toEqual(
        [],
      );
    },
    slow,
  );

  it(
    'refuses a floating IP for a port without a route to the external network; associates once routed',
    async () => {
      const { provider, scope, externalNetworkExternalId } = get();
      const fip = await networkOf(provider).allocateFloatingIp(scope, {
        networkExternalId: externalNetworkExternalId,
        description: 'contract fip',
      });
      expect(fip).toMatchObject({
        floatingNetworkExternalId: externalNetworkExternalId,
        projectExternalId: scope.projectExternalId,
        portExternalId: null,
        description: 'contract fip',
      });
      port = await networkOf(provider).createPort(scope, {
        networkExternalId: net.externalId,
        name: `contract-port-${suffix}`,
        fixedIps: [{ subnetExternalId: subnet.externalId }],
      });
      expect(port.fixedIps[0]?.subnetExternalId).toBe(subnet.externalId);
      expect(
        (await networkOf(provider).listPorts(scope, { networkExternalId: net.externalId })).map(
          (p) => p.externalId,
        ),
      ).toContain(port.externalId);

      const unrouted = await refusal(
        networkOf(provider).associateFloatingIp(scope, fip.externalId, {
          portExternalId: port.externalId,
        }),
      );
      expect(['not-found', 'bad-request']).toContain(unrouted.kind);
      expect(unrouted.upstreamMessage).toMatch(/is not reachable from subnet/);
      expect(
        (await networkOf(provider).getFloatingIp(scope, fip.externalId)).portExternalId,
      ).toBeNull();

      await networkOf(provider).addRouterInterface(scope, router.externalId, subnet.externalId);
      const associated = await networkOf(provider).associateFloatingIp(scope, fip.externalId, {
        portExternalId: port.externalId,
      });
      expect(associated).toMatchObject({
        portExternalId: port.externalId,
        fixedIpAddress: port.fixedIps[0]?.ipAddress,
        routerExternalId: router.externalId,
      });
      expect((await networkOf(provider).listFloatingIps(scope)).map((f) => f.externalId)).toContain(
        fip.externalId,
      );
      const freed = await networkOf(provider).disassociateFloatingIp(scope, fip.externalId);
      expect(freed.portExternalId).toBeNull();
      await networkOf(provider).releaseFloatingIp(scope, fip.externalId);
      expect((await refusal(networkOf(provider).getFloatingIp(scope, fip.externalId))).kind).toBe(
        'not-found',
      );
      await networkOf(provider).releaseFloatingIp(scope, fip.externalId);
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
      const fip = await networkOf(provider).allocateFloatingIp(scope, {
        networkExternalId: externalNetworkExternalId,
      });
      const ip = port.fixedIps[0]?.ipAddress ?? '';
      const pf = await networkOf(provider).createPortForwarding(scope, fip.externalId, {
        protocol: 'tcp',
        internalPortExternalId: port.externalId,
        internalIpAddress: ip,
        internalPort: 22,
        externalPort: 2222,
      });
      expect(pf).toMatchObject({ internalIpAddress: ip, internalPort: 22, externalPort: 2222 });
      expect(
        (await networkOf(provider).listPortForwardings(scope, fip.externalId)).map(
          (p) => p.externalId,
        ),
      ).toEqual([pf.externalId]);
      await networkOf(provider).deletePortForwarding(scope, fip.externalId, pf.externalId);
      expect(await networkOf(provider).listPortForwardings(scope, fip.externalId)).toEqual([]);
      await networkOf(provider).deletePortForwarding(scope, fip.externalId, pf.externalId);
      await networkOf(provider).releaseFloatingIp(scope, fip.externalId);
    },
    slow,
  );

  it(
    'has the project’s default security group; a new group gets egress rules; duplicate rules conflict',
    async () => {
      const { provider, scope } = get();
      const groups = await networkOf(provider).listSecurityGroupDetails(scope);
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

      const group = await networkOf(provider).createSecurityGroup(scope, {
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
      const rule = await networkOf(provider).createSecurityGroupRule(scope, ssh);
      expect(rule).toMatchObject({ ...ssh, externalId: expect.any(String) as string });
      expect(
        (await networkOf(provider).getSecurityGroup(scope, group.externalId)).rules.map(
          (r) => r.externalId,
        ),
      ).toContain(rule.externalId);
      const duplicate = await refusal(networkOf(provider).createSecurityGroupRule(scope, ssh));
      expect(duplicate.kind).toBe('conflict');
      expect(duplicate.upstreamMessage).toMatch(/already exists/);
      await networkOf(provider).deleteSecurityGroupRule(scope, rule.externalId);
      await networkOf(provider).deleteSecurityGroupRule(scope, rule.externalId);
      expect(
        (await networkOf(provider).getSecurityGroup(scope, group.externalId)).rules.map(
          (r) => r.externalId,
        ),
      ).not.toContain(rule.externalId);
      await networkOf(provider).deleteSecurityGroup(scope, group.externalId);
      expect(
        (await refusal(networkOf(provider).getSecurityGroup(scope, group.externalId))).kind,
      ).toBe('not-found');
      await networkOf(provider).deleteSecurityGroup(scope, group.externalId);
    },
    slow,
  );

  if (parts.firewall) describeFirewallContract(get, suffix);
  if (parts.loadBalancing)
    describeLoadBalancingContract(
      () => ({ ...get(), vipSubnetExternalId: subnet.externalId, memberAddress: at(50) }),
      suffix,
    );

  it(
    'tears down router, port, subnet and network; deleting again is not an error',
    async () => {
      const { provider, scope } = get();
      await networkOf(provider).removeRouterInterface(scope, router.externalId, subnet.externalId);
      const cleared = await networkOf(provider).setRouterGateway(scope, router.externalId, null);
      expect(cleared.externalGateway).toBeNull();
      await networkOf(provider).deleteRouter(scope, router.externalId);
      await networkOf(provider).deletePort(scope, port.externalId);
      await networkOf(provider).deleteSubnet(scope, subnet.externalId);
      await networkOf(provider).deleteNetwork(scope, net.externalId);
      expect((await refusal(networkOf(provider).getNetwork(scope, net.externalId))).kind).toBe(
        'not-found',
      );
      expect((await refusal(networkOf(provider).getRouter(scope, router.externalId))).kind).toBe(
        'not-found',
      );
      await networkOf(provider).deleteRouter(scope, router.externalId);
      await networkOf(provider).deletePort(scope, port.externalId);
      await networkOf(provider).deleteSubnet(scope, subnet.externalId);
      await networkOf(provider).deleteNetwork(scope, net.externalId);
      expect(await networkOf(provider).listRouters(scope)).toEqual([]);
      expect(await networkOf(provider).listFloatingIps(scope)).toEqual([]);
    },
    slow,
  );
};
