import type { BaremetalNode } from '@yunguan/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';

/** Bare-metal nodes of the simulated datacenter's Ironic, through the real tunnel (admin). */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let nodeId: string;

type ErrorBody = { error: { code: string; message: string; details: { reason?: string } } };

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'bm');
  const created = await dc.cloud.request<{ uuid: string }>('POST', '/baremetal/v1/nodes', {
    name: 'rack1-node1',
    driver: 'fake-hardware',
  });
  expect(created.status).toBe(201);
  nodeId = created.body.uuid;
}, 120_000);
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

const nodes = () => `/api/v1/datacenters/${dc.id}/baremetal-nodes`;

const waitFor = async (done: (n: BaremetalNode) => boolean): Promise<BaremetalNode> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await h.admin.get(nodes());
    expect(res.statusCode, res.body).toBe(200);
    const node = json<{ items: BaremetalNode[] }>(res).items.find((n) => n.externalId === nodeId);
    if (node && done(node)) return node;
    if (Date.now() > deadline) throw new Error(`node never settled: ${JSON.stringify(node)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe('bare metal (admin)', () => {
  test('lists the nodes Ironic has, through the tunnel', async () => {
    const node = await waitFor(() => true);
    expect(node).toMatchObject({ name: 'rack1-node1', provisionState: 'enroll' });
  });

  test('power off / on, manage and provide: accepted (202), the list shows them settle, audited', async () => {
    const act = (action: string) => h.admin.post(`${nodes()}/${nodeId}/actions`, { action });
    const off = await act('power-off');
    expect(off.statusCode, off.body).toBe(202);
    // Right after: either still on its way (target set) or already there (the sim can be quick).
    const answered = json<BaremetalNode>(off);
    expect([answered.targetPowerState, answered.powerState]).toContain('power off');
    await waitFor((n) => n.powerState === 'power off');
    expect((await act('power-on')).statusCode).toBe(202);
    await waitFor((n) => n.powerState === 'power on' && n.targetPowerState === null);
    expect((await act('manage')).statusCode).toBe(202);
    await waitFor((n) => n.provisionState === 'manageable' && n.targetProvisionState === null);
    expect((await act('provide')).statusCode).toBe(202);
    const provided = await waitFor(
      (n) => n.provisionState === 'available' && n.targetProvisionState === null,
    );
    expect(provided.lastError).toBeNull();
    const audit = await h.deps.db.auditLog.findMany({
      where: { targetType: 'baremetal-node', targetId: nodeId },
    });
    expect(audit.map((r) => r.action).sort()).toEqual(
      ['baremetal.manage', 'baremetal.power-off', 'baremetal.power-on', 'baremetal.provide'].sort(),
    );
  });

  test('an action Ironic refuses in this state comes back in Ironic’s words, never a 5xx', async () => {
    const res = await h.admin.post(`${nodes()}/${nodeId}/actions`, { action: 'undeploy' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(json<ErrorBody>(res).error.message).not.toBe('');
  });

  test('an unknown action is 400; members and department admins are 403', async () => {
    expect(
      (await h.admin.post(`${nodes()}/${nodeId}/actions`, { action: 'explode' })).statusCode,
    ).toBe(400);
    for (const user of [a.member, a.deptAdmin]) {
      const session: Session = await h.login(user.username);
      expect((await session.get(nodes())).statusCode).toBe(403);
      expect(
        (await session.post(`${nodes()}/${nodeId}/actions`, { action: 'power-off' })).statusCode,
      ).toBe(403);
    }
  });
});
