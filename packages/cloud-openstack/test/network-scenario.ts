import { isCloudError, type CloudError, type Scope } from '@yunguan/cloud-core';
import type { OpenStackProvider } from '../src/openstack-provider';

const caught = async (promise: Promise<unknown>): Promise<CloudError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCloudError(error)) throw new Error(`expected a CloudError, got ${String(error)}`);
  return error;
};

/**
 * One walk through the network verbs, run live by fixtures/record-network-fixtures.ts (which
 * keeps every exchange) and replayed by network-verbs.test.ts: the same calls in the same
 * order, so the replay answers each request with what the real cloud said.
 */
export const networkScenario = async (provider: OpenStackProvider, scope: Scope, tag: string) => {
  const external = await provider.network.createNetwork(scope, {
    name: `${tag}-ext`,
    external: true,
  });
  await provider.network.createSubnet(scope, {
    networkExternalId: external.externalId,
    name: `${tag}-ext`,
    cidr: '198.51.100.0/24',
    ipVersion: 4,
    enableDhcp: false,
  });
  const network = await provider.network.createNetwork(scope, { name: `${tag}-net` });
  const subnet = await provider.network.createSubnet(scope, {
    networkExternalId: network.externalId,
    name: `${tag}-subnet`,
    cidr: '10.250.1.0/24',
    ipVersion: 4,
    gatewayIp: '10.250.1.1',
    enableDhcp: true,
    dnsNameservers: ['192.0.2.53'],
    allocationPools: [{ start: '10.250.1.10', end: '10.250.1.100' }],
  });
  const overlap = await caught(
    provider.network.createSubnet(scope, {
      networkExternalId: network.externalId,
      name: `${tag}-overlap`,
      cidr: '10.250.1.128/25',
      ipVersion: 4,
      enableDhcp: false,
    }),
  );
  const badGateway = await caught(
    provider.network.createSubnet(scope, {
      networkExternalId: network.externalId,
      name: `${tag}-bad-gw`,
      cidr: '10.250.2.0/24',
      ipVersion: 4,
      gatewayIp: '10.250.2.0',
      enableDhcp: false,
    }),
  );
  const router = await provider.network.createRouter(scope, { name: `${tag}-router` });
  const withGateway = await provider.network.setRouterGateway(scope, router.externalId, {
    networkExternalId: external.externalId,
    enableSnat: true,
  });
  const port = await provider.network.createPort(scope, {
    networkExternalId: network.externalId,
    name: `${tag}-port`,
    fixedIps: [{ subnetExternalId: subnet.externalId }],
  });
  const fip = await provider.network.allocateFloatingIp(scope, {
    networkExternalId: external.externalId,
  });
  const unrouted = await caught(
    provider.network.associateFloatingIp(scope, fip.externalId, {
      portExternalId: port.externalId,
    }),
  );
  await provider.network.addRouterInterface(scope, router.externalId, subnet.externalId);
  const routed = await provider.network.getRouter(scope, router.externalId);
  const associated = await provider.network.associateFloatingIp(scope, fip.externalId, {
    portExternalId: port.externalId,
  });
  const disassociated = await provider.network.disassociateFloatingIp(scope, fip.externalId);
  await provider.network.releaseFloatingIp(scope, fip.externalId);
  await provider.network.releaseFloatingIp(scope, fip.externalId);
  const groups = await provider.network.listSecurityGroupDetails(scope);
  const group = await provider.network.createSecurityGroup(scope, { name: `${tag}-sg` });
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
  const rule = await provider.network.createSecurityGroupRule(scope, ssh);
  const duplicate = await caught(provider.network.createSecurityGroupRule(scope, ssh));
  await provider.network.deleteSecurityGroup(scope, group.externalId);
  const noFirewall = await caught(provider.firewall.listFirewallGroups(scope));
  await provider.network.removeRouterInterface(scope, router.externalId, subnet.externalId);
  const cleared = await provider.network.setRouterGateway(scope, router.externalId, null);
  await provider.network.deleteRouter(scope, router.externalId);
  await provider.network.deletePort(scope, port.externalId);
  await provider.network.deleteNetwork(scope, network.externalId);
  await provider.network.deleteNetwork(scope, external.externalId);
  await provider.network.deleteNetwork(scope, network.externalId);
  const gone = await caught(provider.network.getNetwork(scope, network.externalId));
  return {
    external,
    network,
    subnet,
    overlap,
    badGateway,
    withGateway,
    port,
    fip,
    unrouted,
    routed,
    associated,
    disassociated,
    groups,
    group,
    rule,
    duplicate,
    noFirewall,
    cleared,
    gone,
  };
};
