import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateServerPort, releaseServerPorts, serverAddresses } from '../src/network';
import { createTestApp, type TestApp } from './network-test-app';

const N = '/network/v2.0';
type Row = Record<string, unknown>;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const post = async (path: string, key: string, body: Row) => {
  const res = await t.call('POST', `${N}/${path}`, { body: { [key]: body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[key] as Row;
};

describe('FWaaS v2', () => {
  it('builds rules into a policy, orders inserts, and activates a group on a port', async () => {
    const ssh = await post('fwaas/firewall_rules', 'firewall_rule', {
      name: 'ssh',
      protocol: 'tcp',
      destination_port: '22',
      action: 'allow',
    });
    const web = await post('fwaas/firewall_rules', 'firewall_rule', {
      name: 'web',
      protocol: 'tcp',
      destination_port: '443',
      action: 'allow',
    });
    const policy = await post('fwaas/firewall_policies', 'firewall_policy', {
      name: 'p',
      firewall_rules: [ssh.id],
    });
    const inserted = await t.call(
      'PUT',
      `${N}/fwaas/firewall_policies/${String(policy.id)}/insert_rule`,
      {
        body: { firewall_rule_id: web.id, insert_before: ssh.id },
      },
    );
    expect(inserted.body.firewall_rules).toEqual([web.id, ssh.id]);
    const inUse = await t.call('DELETE', `${N}/fwaas/firewall_rules/${String(ssh.id)}`);
    expect(inUse.status).toBe(409);
    const net = await post('networks', 'network', { name: 'n' });
    await post('subnets', 'subnet', { network_id: net.id, cidr: '10.3.0.0/24', ip_version: 4 });
    const port = await post('ports', 'port', { network_id: net.id });
    const group = await post('fwaas/firewall_groups', 'firewall_group', {
      name: 'g',
      ingress_firewall_policy_id: policy.id,
      ports: [port.id],
    });
    expect(group.status).toBe('ACTIVE');
  });
});

describe('Nova-facing port verbs', () => {
  it('allocates a compute port, reports Nova addresses with floating IPs, and releases it', async () => {
    const pub = (
      (await t.call('GET', `${N}/networks?name=public`)).body.networks as Row[]
    )[0] as Row;
    const net = await post('networks', 'network', { name: 'app' });
    const subnet = await post('subnets', 'subnet', {
      network_id: net.id,
      cidr: '10.4.0.0/24',
      ip_version: 4,
    });
    const router = await post('routers', 'router', {
      name: 'r',
      external_gateway_info: { network_id: pub.id },
    });
    await t.call('PUT', `${N}/routers/${String(router.id)}/add_router_interface`, {
      body: { subnet_id: subnet.id },
    });
    const port = allocateServerPort(t.ctx, {
      projectId: 'p1',
      networkId: String(net.id),
      serverId: 'srv-1',
      availabilityZone: 'az1',
      fixedIp: '10.4.0.50',
    });
    expect(port).toMatchObject({ networkName: 'app', fixedIp: '10.4.0.50' });
    const shown = (await t.call('GET', `${N}/ports/${port.portId}`)).body.port as Row;
    expect(shown).toMatchObject({ device_owner: 'compute:az1', device_id: 'srv-1' });
    await post('floatingips', 'floatingip', { floating_network_id: pub.id, port_id: port.portId });
    expect(serverAddresses(t.ctx, 'srv-1')).toEqual({
      app: [
        {
          addr: '10.4.0.50',
          version: 4,
          'OS-EXT-IPS:type': 'fixed',
          'OS-EXT-IPS-MAC:mac_addr': port.macAddress,
        },
        {
          addr: '203.0.113.11',
          version: 4,
          'OS-EXT-IPS:type': 'floating',
          'OS-EXT-IPS-MAC:mac_addr': port.macAddress,
        },
      ],
    });
    releaseServerPorts(t.ctx, 'srv-1');
    expect((await t.call('GET', `${N}/ports/${port.portId}`)).status).toBe(404);
    const fips = (await t.call('GET', `${N}/floatingips`)).body.floatingips as Row[];
    expect(fips[0]).toMatchObject({ port_id: null, status: 'DOWN' });
  });
});
