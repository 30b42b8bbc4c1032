import { describe, expect, it } from 'vitest';
import { createOpenStackProvider } from '../src/openstack-provider';
import { ProviderClient } from '../src/provider-client';
import { loadFixture, zedAuth } from './load-fixture';
import { networkScenario } from './network-scenario';
import { replayFetch } from './recorded-fetch';

// The network verbs against RECORDED answers of Debian's OpenStack Zed
// (fixtures/zed-network.json, captured by fixtures/record-network-fixtures.ts).

const replayed = async () => {
  const replay = replayFetch(loadFixture('zed-network.json'));
  const token = await new ProviderClient({ ...zedAuth, fetch: replay.fetch }).token('default');
  const provider = createOpenStackProvider({ ...zedAuth, fetch: replay.fetch });
  const scope = { projectExternalId: token.projectId ?? '' };
  const result = await networkScenario(provider, scope, 'rec');
  return { ...result, replay, scope };
};

describe('network verbs (recorded Zed answers)', () => {
  it('maps networks, subnets and ports to our DTOs', async () => {
    const { external, network, subnet, port, scope, replay } = await replayed();
    expect(replay.remaining()).toBe(0);
    expect(external).toMatchObject({ external: true, shared: false, providerType: 'vxlan' });
    expect(external.segmentationId).toEqual(expect.any(Number));
    expect(network).toMatchObject({
      name: 'rec-net',
      projectExternalId: scope.projectExternalId,
      external: false,
      description: '',
      physicalNetwork: null,
    });
    expect(subnet).toMatchObject({
      cidr: '10.250.1.0/24',
      ipVersion: 4,
      gatewayIp: '10.250.1.1',
      enableDhcp: true,
      dnsNameservers: ['192.0.2.53'],
      allocationPools: [{ start: '10.250.1.10', end: '10.250.1.100' }],
      hostRoutes: [],
      projectExternalId: scope.projectExternalId,
    });
    expect(port.fixedIps).toEqual([
      {
        subnetExternalId: subnet.externalId,
        ipAddress: expect.stringMatching(/^10\.250\.1\./) as string,
      },
    ]);
    expect(port).toMatchObject({ deviceOwner: '', deviceExternalId: '', adminStateUp: true });
    expect(port.macAddress).toMatch(/^fa:16:3e:/);
  });

  it('keeps Neutron’s words for overlapping CIDRs, bad gateways, unreachable floating IPs and duplicate rules', async () => {
    const { overlap, badGateway, unrouted, duplicate, network, subnet, port } = await replayed();
    expect(overlap).toMatchObject({ kind: 'bad-request', actual: 400 });
    expect(overlap.upstreamMessage).toBe(
      `Invalid input for operation: Requested subnet with cidr: 10.250.1.128/25 for network: ${network.externalId} overlaps with another subnet.`,
    );
    expect(badGateway.upstreamMessage).toBe(
      'Invalid input for operation: Gateway is not valid on subnet.',
    );
    expect(unrouted).toMatchObject({ kind: 'not-found', actual: 404 });
    expect(unrouted.upstreamMessage).toMatch(
      new RegExp(
        `^External network \\S+ is not reachable from subnet ${subnet.externalId}\\. Therefore, cannot associate Port ${port.externalId} with a Floating IP\\.$`,
      ),
    );
    expect(duplicate).toMatchObject({ kind: 'conflict', actual: 409 });
    expect(duplicate.upstreamMessage).toMatch(/^Security group rule already exists\. Rule id is /);
  });

  it('reads router gateways and interfaces; floating IPs associate and disassociate', async () => {
    const { withGateway, routed, cleared, external, subnet, associated, disassociated, port, fip } =
      await replayed();
    expect(withGateway.externalGateway).toMatchObject({
      networkExternalId: external.externalId,
      enableSnat: true,
    });
    expect(withGateway.externalGateway?.externalFixedIps[0]?.ipAddress).toMatch(/^198\.51\.100\./);
    expect(routed.interfaces).toEqual([
      {
        portExternalId: expect.any(String) as string,
        subnetExternalId: subnet.externalId,
        ipAddress: '10.250.1.1',
      },
    ]);
    expect(cleared.externalGateway).toBeNull();
    expect(fip).toMatchObject({ portExternalId: null, status: 'DOWN' });
    expect(fip.floatingIpAddress).toMatch(/^198\.51\.100\./);
    expect(associated).toMatchObject({
      portExternalId: port.externalId,
      fixedIpAddress: port.fixedIps[0]?.ipAddress,
      routerExternalId: routed.externalId,
    });
    // Zed here runs no L3 agent: an associated floating IP stays DOWN.
    expect(associated.status).toBe('DOWN');
    expect(disassociated).toMatchObject({ portExternalId: null, fixedIpAddress: null });
  });

  it('lists the default security group with Neutron’s rules; a new group has egress rules', async () => {
    const { groups, group, rule } = await replayed();
    const def = groups.find((g) => g.name === 'default');
    expect(
      def?.rules
        .map(
          (r) =>
            `${r.direction} ${r.ethertype} ${r.remoteGroupExternalId === def.externalId ? 'self' : '-'}`,
        )
        .sort(),
    ).toEqual(['egress IPv4 -', 'egress IPv6 -', 'ingress IPv4 self', 'ingress IPv6 self']);
    expect(
      group.rules.map((r) => [r.direction, r.ethertype, r.protocol, r.remoteIpPrefix]),
    ).toEqual(
      expect.arrayContaining([
        ['egress', 'IPv4', null, null],
        ['egress', 'IPv6', null, null],
      ]),
    );
    expect(rule).toMatchObject({ protocol: 'tcp', portRangeMin: 22, remoteIpPrefix: '0.0.0.0/0' });
  });

  it('sends what Neutron expects: no null attributes in a rule, {} to clear a gateway', async () => {
    const { replay, routed } = await replayed();
    const bodies = replay.sent.map(
      (s) => `${s.method} ${s.url.replace(/^http:\/\/[^/]+/, '')} ${s.body ?? ''}`,
    );
    const ruleBody = bodies.find((b) => b.startsWith('POST /v2.0/security-group-rules')) ?? '';
    expect(ruleBody).not.toContain('null');
    expect(ruleBody).toContain('"remote_ip_prefix":"0.0.0.0/0"');
    expect(bodies).toContain(
      `PUT /v2.0/routers/${routed.externalId} {"router":{"external_gateway_info":{}}}`,
    );
    const fipUpdates = bodies.filter((b) => b.startsWith('PUT /v2.0/floatingips/'));
    expect(fipUpdates.at(-1)).toMatch(/ \{"floatingip":\{"port_id":null\}\}$/);
  });

  it('treats deletes of what is gone as done, and a missing firewall API as not-found', async () => {
    const { gone, noFirewall } = await replayed();
    expect(gone).toMatchObject({ kind: 'not-found', actual: 404 });
    expect(gone.upstreamMessage).toMatch(/^Network \S+ could not be found\.$/);
    expect(noFirewall).toMatchObject({ kind: 'not-found', actual: 404 });
    expect(noFirewall.upstreamMessage).toBe('The resource could not be found.');
  });
});
