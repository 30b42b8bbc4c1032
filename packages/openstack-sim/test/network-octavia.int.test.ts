import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, settle, type TestApp } from './network-test-app';

const LB = '/load-balancer/v2/lbaas';
type Row = Record<string, unknown>;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const post = async (url: string, key: string, body: Row) => {
  const res = await t.call('POST', url, { body: { [key]: body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await settle();
  return res.body[key] as Row;
};

describe('Octavia v2', () => {
  it('builds a load balancer with listener, pool, members and health monitor', async () => {
    const net = await post('/network/v2.0/networks', 'network', { name: 'web' });
    const subnet = await post('/network/v2.0/subnets', 'subnet', {
      network_id: net.id,
      cidr: '10.5.0.0/24',
      ip_version: 4,
    });
    const lb = await post(`${LB}/loadbalancers`, 'loadbalancer', {
      name: 'lb1',
      vip_subnet_id: subnet.id,
    });
    expect(lb).toMatchObject({ provisioning_status: 'PENDING_CREATE', vip_address: '10.5.0.2' });
    const active = (await t.call('GET', `${LB}/loadbalancers/${String(lb.id)}`)).body
      .loadbalancer as Row;
    expect(active).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE' });
    const listener = await post(`${LB}/listeners`, 'listener', {
      loadbalancer_id: lb.id,
      protocol: 'HTTP',
      protocol_port: 80,
      connection_limit: 1000,
    });
    expect(listener.connection_limit).toBe(1000);
    const clash = await t.call('POST', `${LB}/listeners`, {
      body: { listener: { loadbalancer_id: lb.id, protocol: 'HTTP', protocol_port: 80 } },
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ faultcode: 'Client' });
    const made: Row[] = [];
    for (const algorithm of ['ROUND_ROBIN', 'SOURCE_IP', 'LEAST_CONNECTIONS']) {
      const pool = await post(`${LB}/pools`, 'pool', {
        listener_id: listener.id,
        protocol: 'HTTP',
        lb_algorithm: algorithm,
      });
      expect(pool.lb_algorithm).toBe(algorithm);
      made.push(pool);
    }
    const bad = await t.call('POST', `${LB}/pools`, {
      body: { pool: { listener_id: listener.id, protocol: 'HTTP', lb_algorithm: 'RANDOM' } },
    });
    expect(bad.status).toBe(400);
    const pools = (await t.call('GET', `${LB}/pools`)).body.pools as Row[];
    const pool = pools[0] as Row;
    // The first pool made on the listener is its default pool.
    const served = (await t.call('GET', `${LB}/listeners/${String(listener.id)}`)).body
      .listener as Row;
    expect(served.default_pool_id).toBe(made[0]?.id);
    const member = await post(`${LB}/pools/${String(pool.id)}/members`, 'member', {
      address: '10.5.0.10',
      protocol_port: 8080,
    });
    expect(member.weight).toBe(1);
    const monitor = await post(`${LB}/healthmonitors`, 'healthmonitor', {
      pool_id: pool.id,
      type: 'HTTP',
      delay: 5,
      timeout: 3,
      max_retries: 3,
    });
    expect(monitor).toMatchObject({ url_path: '/', expected_codes: '200' });
    const shown = (await t.call('GET', `${LB}/pools/${String(pool.id)}`)).body.pool as Row;
    expect(shown).toMatchObject({ healthmonitor_id: monitor.id, members: [{ id: member.id }] });
    // Deleting the default pool leaves the listener without one.
    expect((await t.call('DELETE', `${LB}/pools/${String(made[0]?.id)}`)).status).toBe(204);
    await settle();
    const bare = (await t.call('GET', `${LB}/listeners/${String(listener.id)}`)).body
      .listener as Row;
    expect(bare.default_pool_id).toBeNull();
    const refused = await t.call('DELETE', `${LB}/loadbalancers/${String(lb.id)}`);
    expect(refused.status).toBe(400);
    expect(
      (await t.call('DELETE', `${LB}/loadbalancers/${String(lb.id)}?cascade=true`)).status,
    ).toBe(204);
    await settle();
    const gone = await t.call('GET', `${LB}/loadbalancers/${String(lb.id)}`);
    expect(gone.body).toEqual({
      faultcode: 'Client',
      faultstring: `Load Balancer ${String(lb.id)} not found.`,
      debuginfo: null,
    });
  });
});
