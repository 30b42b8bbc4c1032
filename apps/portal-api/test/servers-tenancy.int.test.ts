import type { AddressInfo } from 'node:net';
import type { PortalEvent, Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../src/services/users/create-user';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, PASSWORD, type Harness, type Session } from './harness';
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

/** Tenancy of what a create names in the cloud, and of the event stream. */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let simA: SimTargets;
let simB: SimTargets;
let worker: Worker;
let owner: Session;
let intruder: Session;
let privateNetworkId: string;
let privateImageId: string;

type ErrorBody = {
  error: { code: string; details: { reason?: string; params?: Record<string, unknown> } };
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'ten');
  b = await createOrganisation(h.adminCtx, 'tnb');
  simA = await prepareSimProject(h, dc, a.project.id);
  simB = await prepareSimProject(h, dc, b.project.id);
  const net = await dc.cloud.request<{ network: { id: string } }>(
    'POST',
    '/network/v2.0/networks',
    {
      network: { name: 'yg-a-private', project_id: simA.cloudProjectId },
    },
  );
  expect(net.status, JSON.stringify(net.body)).toBe(201);
  privateNetworkId = net.body.network.id;
  const image = await dc.cloud.request<{ id: string }>('POST', '/image/v2/images', {
    name: 'yg-a-private',
    visibility: 'private',
    owner: simA.cloudProjectId,
    disk_format: 'qcow2',
    container_format: 'bare',
  });
  expect(image.status, JSON.stringify(image.body)).toBe(201);
  privateImageId = image.body.id;
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  const bMember = await createUser(h.adminCtx, {
    username: `tnb-m2-${Date.now()}`,
    password: PASSWORD,
    departmentId: b.department.id,
    roles: [{ role: 'member', scope: 'project', projectId: b.project.id }],
  });
  intruder = await h.login(bMember.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const bodyFor = (targets: SimTargets, name: string, extra: Record<string, unknown> = {}) => ({
  datacenterId: dc.id,
  name,
  flavorId: '1',
  imageId: targets.imageId,
  networkIds: [targets.networkId],
  ...extra,
});

describe('create names only what the project may use', () => {
  test.each([
    ['networkIds', () => ({ networkIds: [simB.networkId, privateNetworkId] })],
    ['imageId', () => ({ imageId: privateImageId })],
    ['availabilityZone', () => ({ availabilityZone: 'nova:sim-host-1' })],
    ['availabilityZone', () => ({ availabilityZone: 'no-such-zone' })],
    ['serverGroupId', () => ({ serverGroupId: '00000000-0000-4000-8000-000000000000' })],
  ])("another department's %s → 404 naming the field; nothing created", async (field, extra) => {
    const name = `steal-${field}-${Math.random().toString(36).slice(2, 6)}`;
    const res = await intruder.post(
      `/api/v1/projects/${b.project.id}/servers`,
      bodyFor(simB, name, extra()),
    );
    expect(res.statusCode, res.body).toBe(404);
    const body = json<ErrorBody>(res);
    expect(body.error.details.reason).toBe('server_target_unknown');
    expect(body.error.details.params?.field).toBe(field);
    expect(await h.deps.db.task.count({ where: { projectId: b.project.id } })).toBe(0);
    const servers = await dc.cloud.request<{ servers: unknown[] }>(
      'GET',
      `/compute/v2.1/servers?all_tenants=1&name=${name}`,
    );
    expect(servers.body.servers).toEqual([]);
  });

  test("the project's own network and image still boot; a rebuild to a foreign image is 404", async () => {
    const res = await intruder.post(
      `/api/v1/projects/${b.project.id}/servers`,
      bodyFor(simB, 'own'),
    );
    expect(res.statusCode, res.body).toBe(202);
    const task = await waitForTask(intruder, json<{ task: Task }>(res).task.id);
    expect(task.status).toBe('succeeded');
    const rebuild = await intruder.post(`/api/v1/servers/${task.resourceId}/actions`, {
      action: 'rebuild',
      imageId: privateImageId,
    });
    expect(rebuild.statusCode, rebuild.body).toBe(404);
    expect(json<ErrorBody>(rebuild).error.details.params?.field).toBe('imageId');
  });
});

/** An SSE client on the listening app with the session's cookie. */
const openStream = async (session: Session) => {
  const { port } = h.app.server.address() as AddressInfo;
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
    headers: {
      cookie: Object.entries(session.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      'accept-language': 'en',
    },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: PortalEvent[] = [];
  let text = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const frame = text.slice(0, end);
          text = text.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('');
          if (data) events.push(JSON.parse(data) as PortalEvent);
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  })();
  return {
    events,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
};

describe('server-sent events', () => {
  test("a project's tasks reach its member and the department admin, not a member of the sibling project or another department", async () => {
    const sibling = await createUser(h.adminCtx, {
      username: `ten-sib-${Date.now()}`,
      password: PASSWORD,
      departmentId: a.department.id,
      roles: [{ role: 'member', scope: 'project', projectId: a.otherProject.id }],
    });
    const streams = {
      owner: await openStream(owner),
      deptAdmin: await openStream(await h.login(a.deptAdmin.username)),
      sibling: await openStream(await h.login(sibling.username)),
      outsider: await openStream(await h.login(b.deptAdmin.username)),
    };
    try {
      const res = await owner.post(
        `/api/v1/projects/${a.project.id}/servers`,
        bodyFor(simA, 'sse'),
      );
      expect(res.statusCode, res.body).toBe(202);
      const task = json<{ task: Task }>(res).task;
      expect((await waitForTask(owner, task.id)).status).toBe('succeeded');
      const statuses = (events: PortalEvent[]) => [
        ...new Set(
          events.flatMap((e) =>
            e.type === 'task.updated' && e.task.id === task.id ? [e.task.status] : [],
          ),
        ),
      ];
      const deadline = Date.now() + 5_000;
      while (
        !(
          statuses(streams.owner.events).includes('succeeded') &&
          statuses(streams.deptAdmin.events).includes('succeeded')
        ) &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 50));
      expect(statuses(streams.owner.events)).toEqual(['queued', 'running', 'succeeded']);
      expect(statuses(streams.deptAdmin.events)).toEqual(['queued', 'running', 'succeeded']);
      expect(streams.owner.events.every((e) => e.projectId === a.project.id)).toBe(true);
      expect(streams.sibling.events.filter((e) => e.projectId === a.project.id)).toEqual([]);
      expect(streams.outsider.events).toEqual([]);
    } finally {
      for (const s of Object.values(streams)) await s.close();
    }
  });
});
