import type { Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import {
  fastTasks,
  prepareSimProject,
  startInProcessTaskWorker,
  waitForTask,
  type SimTargets,
} from './task-fixtures';

/**
 * M1.6: a task updates the mirror rows of every object it changed. Deleting a server detaches
 * its volume, removes the port Nova made for it and leaves its floating IP pointing at nothing:
 * the delete task itself writes all three, so the lists are right when it ends — no inventory
 * sync runs in this file (only the task worker).
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let sim: SimTargets;
let worker: Worker;
let owner: Session;

type Row = {
  id: string;
  externalId: string;
  status: string;
  deletedAt?: string | null;
  spec: Record<string, unknown>;
};
type Page<T> = { items: T[]; total: number };

const P = () => `/api/v1/projects/${a.project.id}`;

const done = async (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(202);
  const task = await waitForTask(owner, json<{ task: Task }>(res as never).task.id, 40_000);
  expect(task.status, JSON.stringify(task.error)).toBe('succeeded');
  return task;
};

const item = async <T>(url: string) => {
  const res = await owner.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'nbr');
  sim = await prepareSimProject(h, dc, a.project.id);
  const net = await dc.cloud.request<{ network: { id: string } }>(
    'POST',
    '/network/v2.0/networks',
    { network: { name: 'ext-nbr', 'router:external': true } },
  );
  const sub = await dc.cloud.request('POST', '/network/v2.0/subnets', {
    subnet: {
      network_id: net.body.network.id,
      name: 'ext-nbr-v4',
      ip_version: 4,
      cidr: '203.0.113.0/24',
      enable_dhcp: false,
    },
  });
  if (sub.status !== 201) throw new Error(`sim external subnet: ${sub.status}`);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

test('deleting a server updates its volume, port and floating IP rows in the task itself', async () => {
  const networks = await item<Page<Row & { name: string }>>(
    `${P()}/networks?datacenterId=${dc.id}`,
  );
  const external = networks.items.find((n) => n.name === 'ext-nbr')!;
  const quick = await done(
    await owner.post(`${P()}/network-quick-start`, {
      datacenterId: dc.id,
      name: 'nbr',
      cidr: '192.168.77.0/24',
      externalNetworkId: external.id,
    }),
  );
  const network = await item<Row>(`/api/v1/networks/${quick.resourceId}`);
  const server = await done(
    await owner.post(`${P()}/servers`, {
      datacenterId: dc.id,
      name: 'nbr-vm',
      flavorId: '1',
      imageId: sim.imageId,
      networkIds: [network.externalId],
    }),
  );
  const volume = await done(
    await owner.post(`${P()}/volumes`, {
      datacenterId: dc.id,
      name: 'nbr-data',
      sizeGb: 1,
      source: { type: 'empty' },
    }),
  );
  await done(
    await owner.post(`/api/v1/volumes/${volume.resourceId}/actions`, {
      action: 'attach',
      serverId: server.resourceId,
    }),
  );
  const fip = await done(
    await owner.post(`${P()}/floating-ips`, { datacenterId: dc.id, networkId: external.id }),
  );
  await done(
    await owner.post(`/api/v1/floating-ips/${fip.resourceId}/actions`, {
      action: 'associate',
      serverId: server.resourceId,
    }),
  );
  const serverRow = await item<Row>(`/api/v1/servers/${server.resourceId}`);
  expect((await item<Row>(`/api/v1/volumes/${volume.resourceId}`)).status).toBe('in-use');
  const associated = await item<Row>(`/api/v1/floating-ips/${fip.resourceId}`);
  expect(associated.spec.portExternalId).toEqual(expect.any(String));
  const portId = associated.spec.portExternalId as string;
  // The server's port, as the cloud has it, is in the mirror (the associate task wrote it).
  const portsBefore = await item<Page<Row>>(`${P()}/ports?datacenterId=${dc.id}`);
  expect(portsBefore.items.map((p) => p.externalId)).toContain(portId);

  await done(await owner.delete(`/api/v1/servers/${server.resourceId}`));

  // Right after the task: no sync has run, no reload of anything but the API reads.
  const detached = await item<Row>(`/api/v1/volumes/${volume.resourceId}`);
  expect(detached.status).toBe('available');
  expect(detached.spec.attachments).toEqual([]);
  const freed = await item<Row>(`/api/v1/floating-ips/${fip.resourceId}`);
  expect(freed.spec.portExternalId).toBeNull();
  expect(freed.spec.server ?? null).toBeNull();
  const portsAfter = await item<Page<Row>>(`${P()}/ports?datacenterId=${dc.id}`);
  expect(portsAfter.items.map((p) => p.externalId)).not.toContain(portId);
  expect(serverRow.externalId).toEqual(expect.any(String));
});
