import type { Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import pino from 'pino';
import { providerForDatacenter } from '../src/cloud/provider-for-datacenter';
import { scopeForProject } from '../src/cloud/scope-for-project';
import { startTaskWorker } from '../src/jobs/start-task-worker';
import { json, type Harness, type Session } from './harness';
import type { SimDatacenter } from './sim-datacenter';

/** Short task timings for tests (the defaults are for production). */
export const fastTasks = (h: Harness) => {
  Object.assign(h.deps.config.tasks.settings, {
    followIntervalMs: 100,
    staleAfterMs: 3_000,
    lockMs: 4_000,
    reconcileEveryMs: 1_000,
    retryDelayMs: 200,
  });
};

/** A BullMQ worker for the 'tasks' queue inside the test process (real Redis, real jobs). */
export const startInProcessTaskWorker = (h: Harness): Promise<Worker> =>
  startTaskWorker(
    { db: h.deps.db, config: h.deps.config, now: () => new Date() },
    pino({ level: 'silent' }),
  );

export type SimTargets = { networkId: string; imageId: string; cloudProjectId: string };

/**
 * Make a portal project ready to boot servers in the simulated datacenter: its cloud project
 * (the tenant binding), generous cloud quotas, and a shared network with a large subnet.
 */
export const prepareSimProject = async (
  h: Harness,
  dc: SimDatacenter,
  projectId: string,
): Promise<SimTargets> => {
  const deps = { db: h.deps.db, config: h.deps.config };
  const { provider } = await providerForDatacenter(deps, dc.id);
  const scope = await scopeForProject(deps, provider, dc.id, projectId);
  const quota = await dc.cloud.request(
    'PUT',
    `/compute/v2.1/os-quota-sets/${scope.projectExternalId}`,
    {
      quota_set: { instances: -1, cores: -1, ram: -1 },
    },
  );
  if (quota.status !== 200)
    throw new Error(`sim quota: ${quota.status} ${JSON.stringify(quota.body)}`);
  const networks = await dc.cloud.request<{ networks: { id: string; name: string }[] }>(
    'GET',
    '/network/v2.0/networks?name=yg-test-shared',
  );
  let networkId = networks.body.networks[0]?.id;
  if (!networkId) {
    const net = await dc.cloud.request<{ network: { id: string } }>(
      'POST',
      '/network/v2.0/networks',
      {
        network: { name: 'yg-test-shared', shared: true },
      },
    );
    networkId = net.body.network.id;
    const subnet = await dc.cloud.request('POST', '/network/v2.0/subnets', {
      subnet: {
        network_id: networkId,
        ip_version: 4,
        cidr: '10.200.0.0/16',
        name: 'yg-test-shared',
      },
    });
    if (subnet.status !== 201) throw new Error(`sim subnet: ${subnet.status}`);
  }
  const images = await dc.cloud.request<{ images: { id: string; name: string }[] }>(
    'GET',
    '/image/v2/images',
  );
  const imageId = images.body.images.find((i) => i.name.startsWith('cirros'))?.id;
  if (!imageId) throw new Error('no cirros image in the sim');
  return { networkId, imageId, cloudProjectId: scope.projectExternalId };
};

const finished = ['succeeded', 'failed', 'cancelled'];

/** Poll GET /api/v1/tasks/:id until the task finishes. */
export const waitForTask = async (
  session: Session,
  taskId: string,
  timeoutMs = 20_000,
): Promise<Task> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await session.get(`/api/v1/tasks/${taskId}`);
    if (res.statusCode !== 200) throw new Error(`task ${taskId}: ${res.statusCode} ${res.body}`);
    const task = json<Task>(res);
    if (finished.includes(task.status)) return task;
    if (Date.now() > deadline)
      throw new Error(`task ${taskId} still ${task.status} after ${timeoutMs} ms: ${res.body}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
