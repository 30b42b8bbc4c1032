import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './network-test-app';

const N = '/network/v2.0';
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

type Row = Record<string, unknown>;
const create = async (
  path: string,
  key: string,
  body: Row,
  opts: { project?: string; admin?: boolean } = {},
) => {
  const res = await t.call('POST', `${N}/${path}`, { ...opts, body: { [key]: body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[key] as Row;
};

const publicNetwork = async () => {
  const res = await t.call('GET', `${N}/networks?name=public`);
  return (res.body.networks as Row[])[0] as Row;
};

describe('Neutron networks and subnets', () => {
  it('serves the version document and seeds the public external network', async () => {
    const versions = await t.call('GET', '/network/');
    expect((versions.body.versions as Row[])[0]).toMatchObject({ id: 'v2.0', status: 'CURRENT' });
    const pub = await publicNetwork();
    expect(pub).toMatchObject({ 'router:external': true, shared: true, name: 'public' });
    expect(pub).not.toHaveProperty('provider:network_type');
    const asAdmin = await t.call('GET', `${N}/networks/${String(pub.id)}`, { admin: true });
    expect(asAdmin.body.network).toMatchObject({
      'provider:network_type': 'flat',
      'provider:physical_network': 'physnet1',
    });
  });

  it('creates networks, refuses provider attributes to members, and notifies', async () => {
    const net = await create('networks', 'network', { name: 'private' });
    expect(net).toMatchObject({ project_id: 'p1', tenant_id: 'p1', status: 'ACTIVE', subnets: [] });
    const denied = await t.call('POST', `${N}/networks`, {
      body: { network: { name: 'x', 'provider:network_type': 'vlan' } },
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toHaveProperty('NeutronError.type', 'PolicyNotAuthorized');
    const vlan = await create(
      'networks',
      'network',
      {
        name: 'v',
        'provider:network_type': 'vlan',
        'provider:physical_network': 'physnet2',
        'provider:segmentation_id': 42,
      },
      { admin: true },
    );
    expect(vlan['provider:segmentation_id']).toBe(42);
    expect(t.notifications.map((n) => n.event_type)).toContain('network.create.end');
  });

  it('validates CIDRs and refuses overlapping subnets on one network', async () => {
    const net = await create('networks', 'network', { name: 'n' });
    const bad = await t.call('POST', `${N}/subnets`, {
      body: { subnet: { network_id: net.id, cidr: '10.0.0.1/24', ip_version: 4 } },
    });
    expect(bad.status).toBe(400);
    const subnet = await create('subnets', 'subnet', {
      network_id: net.id,
      cidr: '10.0.0.0/24',
      ip_version: 4,
      dns_nameservers: ['8.8.8.8'],
    });
    expect(subnet).toMatchObject({
      gateway_ip: '10.0.0.1',
      enable_dhcp: true,
      allocation_pools: [{ start: '10.0.0.2', end: '10.0.0.254' }],
    });
    const overlap = await t.call('POST', `${N}/subnets`, {
      body: { subnet: { network_id: net.id, cidr: '10.0.0.128/25', ip_version: 4 } },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body).toEqual({
      NeutronError: {
        type: 'InvalidInput',
        message: `Invalid input for operation: Requested subnet with cidr: 10.0.0.128/25 for network: ${String(net.id)} overlaps with another subnet.`,
        detail: '',
      },
    });
    const v6 = await create('subnets', 'subnet', {
      network_id: net.id,
      cidr: 'fd00:1::/64',
      ip_version: 6,
    });
    expect(v6.gateway_ip).toBe('fd00:1::1');
  });

  it('lists with filters, fields, sorting and limit/marker links', async () => {
    for (const name of ['c', 'a', 'b']) await create('networks', 'network', { name });
    const sorted = await t.call(
      'GET',
      `${N}/networks?sort_key=name&sort_dir=asc&fields=name&fields=id&shared=false`,
    );
    expect((sorted.body.networks as Row[]).map((n) => n.name)).toEqual(['a', 'b', 'c']);
    expect(Object.keys((sorted.body.networks as Row[])[0] ?? {}).sort()).toEqual(['id', 'name']);
    const page = await t.call(
      'GET',
      `${N}/networks?sort_key=name&sort_dir=asc&limit=2&shared=false`,
    );
    expect((page.body.networks as Row[]).map((n) => n.name)).toEqual(['a', 'b']);
    const next = (page.body.networks_links as { rel: string; href: string }[])[0];
    expect(next?.rel).toBe('next');
    const url = new URL(next?.href ?? '');
    const rest = await t.call('GET', `${url.pathname}${url.search}`);
    expect((rest.body.networks as Row[]).map((n) => n.name)).toEqual(['c']);
    const missing = await t.call('GET', `${N}/networks/nope`);
    expect(missing.body).toEqual({
      NeutronError: {
        type: 'NetworkNotFound',
        message: 'Network nope could not be found.',
        detail: '',
      },
    });
  });
});

describe('Neutron ports', () => {
  it('never hands out an address twice and fails with IpAddressGenerationFailure when exhausted', async () => {
    const net = await create('networks', 'network', { name: 'small' });
    await create('subnets', 'subnet', { network_id: net.id, cidr: '10.9.0.0/29', ip_version: 4 });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const port = await create('ports', 'port', { network_id: net.id });
      const ip = (port.fixed_ips as { ip_address: string }[])[0]?.ip_address ?? '';
      expect(seen.has(ip)).toBe(false);
      seen.add(ip);
    }
    expect([...seen].sort()).toEqual(['10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.0.5', '10.9.0.6']);
    const full = await t.call('POST', `${N}/ports`, { body: { port: { network_id: net.id } } });
    expect(full.status).toBe(409);
    expect(full.body).toHaveProperty('NeutronError.type', 'IpAddressGenerationFailure');
    const taken = await t.call('POST', `${N}/ports`, {
      body: { port: { network_id: net.id, fixed_ips: [{ ip_address: '10.9.0.2' }] } },
    });
    expect(taken.status).toBe(409);
    expect(t.notifications.filter((n) => n.event_type === 'port.create.end')).toHaveLength(5);
  });

  it('puts new ports in the project default security group', async () => {
    const net = await create('networks', 'network', { name: 'n' });
    await create('subnets', 'subnet', { network_id: net.id, cidr: '10.1.0.0/24', ip_version: 4 });
    const port = await create('ports', 'port', { network_id: net.id });
    const groups = await t.call('GET', `${N}/security-groups?name=default`);
    const group = (groups.body.security_groups as Row[])[0] as Row;
    expect(port.security_groups).toEqual([group.id]);
  });
});

describe('Neutron security groups', () => {
  it('creates a default group on first use that allows egress and same-group ingress', async () => {
    const res = await t.call('GET', `${N}/security-groups`, { project: 'p9' });
    const groups = res.body.security_groups as Row[];
    expect(groups).toHaveLength(1);
    const group = groups[0] as Row;
    const rules = group.security_group_rules as Row[];
    expect(rules).toHaveLength(4);
    expect(
      rules
        .filter((r) => r.direction === 'egress')
        .map((r) => r.ethertype)
        .sort(),
    ).toEqual(['IPv4', 'IPv6']);
    expect(
      rules.filter((r) => r.direction === 'ingress').every((r) => r.remote_group_id === group.id),
    ).toBe(true);
  });

  it('creates rules and refuses duplicates with SecurityGroupRuleExists', async () => {
    const group = await create('security-groups', 'security_group', { name: 'web' });
    const rule = {
      security_group_id: group.id,
      direction: 'ingress',
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '0.0.0.0/0',
      ethertype: 'IPv4',
    };
    const created = await create('security-group-rules', 'security_group_rule', rule);
    expect(created).toMatchObject({
      protocol: 'tcp',
      port_range_min: 22,
      remote_ip_prefix: '0.0.0.0/0',
    });
    const again = await t.call('POST', `${N}/security-group-rules`, {
      body: { security_group_rule: rule },
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      NeutronError: {
        type: 'SecurityGroupRuleExists',
        message: `Security group rule already exists. Rule id is ${String(created.id)}.`,
        detail: '',
      },
    });
    const fromGroup = await create('security-group-rules', 'security_group_rule', {
      security_group_id: group.id,
      direction: 'ingress',
      remote_group_id: group.id,
    });
    expect(fromGroup.remote_group_id).toBe(group.id);
  });
});

describe('Neutron routers and floating IPs', () => {
  const topology = async () => {
    const pub = await publicNetwork();
    const net = await create('networks', 'network', { name: 'app' });
    const subnet = await create('subnets', 'subnet', {
      network_id: net.id,
      cidr: '192.168.10.0/24',
      ip_version: 4,
    });
    const router = await create('routers', 'router', { name: 'r1' });
    const port = await create('ports', 'port', {
      network_id: net.id,
      device_owner: 'compute:nova',
      device_id: 'server-1',
    });
    return { pub, net, subnet, router, port };
  };

  it('refuses association without a router path with ExternalGatewayForFloatingIPNotFound', async () => {
    const { pub, subnet, port } = await topology();
    const fip = await create('floatingips', 'floatingip', { floating_network_id: pub.id });
    expect(fip.floating_ip_address).toBe('203.0.113.10');
    expect(t.notifications.map((n) => n.event_type)).toContain('floatingip.create.end');
    const res = await t.call('PUT', `${N}/floatingips/${String(fip.id)}`, {
      body: { floatingip: { port_id: port.id } },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      NeutronError: {
        type: 'ExternalGatewayForFloatingIPNotFound',
        message: `External network ${String(pub.id)} is not reachable from subnet ${String(subnet.id)}.  Therefore, cannot associate Port ${String(port.id)} with a Floating IP.`,
        detail: '',
      },
    });
  });

  it('routes a subnet to the external network, then associates, disassociates and deletes', async () => {
    const { pub, subnet, router, port } = await topology();
    const gw = await t.call('PUT', `${N}/routers/${String(router.id)}`, {
      body: { router: { external_gateway_info: { network_id: pub.id } } },
    });
    expect(gw.status).toBe(200);
    const info = (gw.body.router as Row).external_gateway_info as Row;
    expect(info).toMatchObject({ network_id: pub.id, enable_snat: true });
    expect((info.external_fixed_ips as Row[])[0]).toMatchObject({ ip_address: '203.0.113.10' });
    const add = await t.call('PUT', `${N}/routers/${String(router.id)}/add_router_interface`, {
      body: { subnet_id: subnet.id },
    });
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({ subnet_id: subnet.id, id: router.id });
    const dup = await t.call('PUT', `${N}/routers/${String(router.id)}/add_router_interface`, {
      body: { subnet_id: subnet.id },
    });
    expect(dup.status).toBe(400);
    const iface = await t.call('GET', `${N}/ports/${String(add.body.port_id)}`);
    expect(iface.body.port).toMatchObject({
      device_owner: 'network:router_interface',
      fixed_ips: [{ subnet_id: subnet.id, ip_address: '192.168.10.1' }],
    });

    const fip = await create('floatingips', 'floatingip', {
      floating_network_id: pub.id,
      port_id: port.id,
    });
    expect(fip).toMatchObject({
      port_id: port.id,
      router_id: router.id,
      status: 'ACTIVE',
      floating_ip_address: '203.0.113.11',
    });
    const blocked = await t.call(
      'PUT',
      `${N}/routers/${String(router.id)}/remove_router_interface`,
      { body: { subnet_id: subnet.id } },
    );
    expect(blocked.status).toBe(409);
    const off = await t.call('PUT', `${N}/floatingips/${String(fip.id)}`, {
      body: { floatingip: { port_id: null } },
    });
    expect(off.body.floatingip).toMatchObject({
      port_id: null,
      fixed_ip_address: null,
      status: 'DOWN',
    });
    const pf = await t.call('POST', `${N}/floatingips/${String(fip.id)}/port_forwardings`, {
      body: {
        port_forwarding: {
          internal_port_id: port.id,
          internal_port: 22,
          external_port: 2222,
          protocol: 'tcp',
        },
      },
    });
    expect(pf.status).toBe(201);
    expect((await t.call('DELETE', `${N}/floatingips/${String(fip.id)}`)).status).toBe(204);
    const removed = await t.call(
      'PUT',
      `${N}/routers/${String(router.id)}/remove_router_interface`,
      { body: { subnet_id: subnet.id } },
    );
    expect(removed.status).toBe(200);
    expect((await t.call('DELETE', `${N}/routers/${String(router.id)}`)).status).toBe(204);
  });
});

describe('Neutron tags', () => {
  it('replaces, adds and filters by tags', async () => {
    const net = await create('networks', 'network', { name: 'tagged' });
    const put = await t.call('PUT', `${N}/networks/${String(net.id)}/tags`, {
      body: { tags: ['web', 'db'] },
    });
    expect(put.body.tags).toEqual(['web', 'db']);
    expect((await t.call('PUT', `${N}/networks/${String(net.id)}/tags/x`)).status).toBe(201);
    const found = await t.call('GET', `${N}/networks?tags=web,x`);
    expect((found.body.networks as Row[]).map((n) => n.name)).toEqual(['tagged']);
    expect((await t.call('DELETE', `${N}/networks/${String(net.id)}/tags/nope`)).status).toBe(404);
  });
});

describe('Neutron quotas', () => {
  it('shows, updates and enforces quotas with OverQuota', async () => {
    const shown = await t.call('GET', `${N}/quotas/p1`);
    expect(shown.body.quota).toMatchObject({ network: 100, router: 10 });
    expect(
      (await t.call('PUT', `${N}/quotas/p1`, { body: { quota: { network: 1 } } })).status,
    ).toBe(403);
    const set = await t.call('PUT', `${N}/quotas/p1`, {
      admin: true,
      body: { quota: { network: 1 } },
    });
    expect(set.body.quota).toMatchObject({ network: 1 });
    await create('networks', 'network', { name: 'one' });
    const over = await t.call('POST', `${N}/networks`, { body: { network: { name: 'two' } } });
    expect(over.status).toBe(409);
    expect(over.body).toEqual({
      NeutronError: {
        type: 'OverQuota',
        message: "Quota exceeded for resources: ['network'].",
        detail: '',
      },
    });
  });
});
