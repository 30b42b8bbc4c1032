import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimDatacenter, startSimDatacenter } from './cli-harness';

type Row = Record<string, unknown>;

/** Ironic through the official CLI (python3-ironicclient's `openstack baremetal`). */
describe('openstack CLI against the simulated datacenter: baremetal', { timeout: 180_000 }, () => {
  let dc: SimDatacenter;
  const show = (node: string) => dc.runOpenstack<Row>(['baremetal', 'node', 'show', node]);

  beforeAll(async () => {
    dc = await startSimDatacenter();
  }, 300_000);
  afterAll(async () => {
    await dc?.stop();
  });

  it('lists and shows the seeded fake-hardware nodes', async () => {
    const nodes = await dc.runOpenstack<Row[]>(['baremetal', 'node', 'list']);
    // Ironic lists by id (random UUIDs), so compare in name order.
    const byName = nodes
      .map((n) => [String(n.Name), String(n['Provisioning State'])])
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''));
    expect(byName).toEqual([
      ['bm-0', 'available'],
      ['bm-1', 'manageable'],
      ['bm-2', 'enroll'],
    ]);
    const node = await show('bm-0');
    expect(node).toMatchObject({ driver: 'fake-hardware', power_state: 'power off' });
    expect(node.properties).toMatchObject({ cpus: 32, memory_mb: 131072, local_gb: 960 });
  });

  it('walks a node enroll → manageable → available → active → available', async () => {
    await dc.runOpenstackCommand(['baremetal', 'node', 'manage', '--wait', '60', 'bm-2']);
    expect((await show('bm-2')).provision_state).toBe('manageable');
    await dc.runOpenstackCommand(['baremetal', 'node', 'provide', '--wait', '60', 'bm-2']);
    expect((await show('bm-2')).provision_state).toBe('available');
    await dc.runOpenstackCommand(['baremetal', 'node', 'deploy', '--wait', '60', 'bm-2']);
    expect(await show('bm-2')).toMatchObject({
      provision_state: 'active',
      power_state: 'power on',
    });
    await dc.runOpenstackCommand(['baremetal', 'node', 'undeploy', '--wait', '60', 'bm-2']);
    expect(await show('bm-2')).toMatchObject({
      provision_state: 'available',
      power_state: 'power off',
    });
  });

  it('powers a node on and sets and clears maintenance', async () => {
    await dc.runOpenstackCommand(['baremetal', 'node', 'power', 'on', 'bm-1']);
    for (let i = 0; i < 40 && (await show('bm-1')).power_state !== 'power on'; i++)
      await new Promise((r) => setTimeout(r, 250));
    expect((await show('bm-1')).power_state).toBe('power on');
    await dc.runOpenstackCommand([
      'baremetal',
      'node',
      'maintenance',
      'set',
      '--reason',
      'disk swap',
      'bm-1',
    ]);
    expect(await show('bm-1')).toMatchObject({
      maintenance: true,
      maintenance_reason: 'disk swap',
    });
    const refused = await dc.tryOpenstack(['baremetal', 'node', 'provide', 'bm-1']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('maintenance mode');
    await dc.runOpenstackCommand(['baremetal', 'node', 'maintenance', 'unset', 'bm-1']);
    expect((await show('bm-1')).maintenance).toBe(false);
  });

  it("refuses a transition the state does not allow, with Ironic's message", async () => {
    const result = await dc.tryOpenstack(['baremetal', 'node', 'deploy', 'bm-1']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('can not be performed on node');
    expect(result.stderr).toContain('while it is in state "manageable"');
  });
});
