import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { providerForDatacenter } from '../src/cloud/provider-for-datacenter';
import { scopeForProject } from '../src/cloud/scope-for-project';
import { startInventoryWorker } from '../src/jobs/inventory-worker';
import type { JobDeps } from '../src/jobs/job-deps';
import { claimSyncLease } from '../src/repositories/sync-state-repository';
import { applyServerObservation } from '../src/services/inventory/apply-server-observation';
import { runInventorySync } from '../src/services/inventory/run-inventory-sync';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import { blockStorageOf, networkOf } from '../src/cloud/sub-port';

/** Inventory sync against a simulated datacenter through a real tunnel, real PostgreSQL/Redis. */
let h: Harness;
let dc: SimDatacenter;
let org: Organisation;
let deps: JobDeps;
let flavorRef: string;
let imageRef: string;

const createSimServer = async (name: string): Promise<string> => {
  const res = await dc.cloud.request<{ server: { id: string } }>('POST', '/compute/v2.1/servers', {
    server: { name, flavorRef, imageRef, networks: 'none' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.server.id;
};
const serverRow = (externalId: string) =>
  h.deps.db.resource.findUnique({
    where: { datacenterId_type_externalId: { datacenterId: dc.id, type: 'server', externalId } },
  });
const full = () => runInventorySync(deps, dc.id, 'full');
const changes = () => runInventorySync(deps, dc.id, 'changes');

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h);
  org = await createOrganisation(h.adminCtx, 'inv');
  deps = { db: h.deps.db, config: h.deps.config, now: h.deps.now! };
  const flavors = await dc.cloud.request<{ flavors: { id: string }[] }>(
    'GET',
    '/compute/v2.1/flavors',
  );
  flavorRef = flavors.body.flavors[0]!.id;
  const images = await dc.cloud.request<{ images: { id: string }[] }>('GET', '/image/v2/images');
  imageRef = images.body.images[0]!.id;
});
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

describe('tenant binding', () => {
  test('10 concurrent first uses create one binding and one cloud project', async () => {
    const { provider } = await providerForDatacenter(deps, dc.id);
    const scopes = await Promise.all(
      Array.from({ length: 10 }, () => scopeForProject(deps, provider, dc.id, org.otherProject.id)),
    );
    expect(new Set(scopes.map((s) => s.projectExternalId)).size).toBe(1);
    const rows = await h.deps.db.tenantBinding.findMany({
      where: { datacenterId: dc.id, projectId: org.otherProject.id },
    });
    expect(rows).toHaveLength(1);
    const projects = await dc.cloud.request<{ projects: { id: string }[] }>(
      'GET',
      `/identity/v3/projects?name=yg-${org.otherProject.id}`,
    );
    expect(projects.body.projects.map((p) => p.id)).toEqual([scopes[0]!.projectExternalId]);
  });
});

describe('inventory sync', () => {
  const ids: string[] = [];

  test('a full sync mirrors servers created directly in the cloud', async () => {
    for (const name of ['web-1', 'web-2', 'db-1']) ids.push(await createSimServer(name));
    const result = await full();
    expect(result).toMatchObject({ outcome: 'succeeded', mode: 'full' });
    const row = await serverRow(ids[0]!);
    expect(row).toMatchObject({ name: 'web-1', deletedAt: null, projectId: null });
    const spec = row?.spec as { flavor: { vcpus: number }; imageExternalId: string };
    expect(spec.flavor.vcpus).toBeGreaterThan(0);
    expect(spec.imageExternalId).toBe(imageRef);
    const state = json(await h.admin.get(`/api/v1/datacenters/${dc.id}/sync`));
    expect(state).toMatchObject({ state: 'idle', mode: 'full', lastError: null });
    expect((state.counts as { created: number }).created).toBeGreaterThanOrEqual(3);
  });

  test('servers of a bound project are mapped to the portal project', async () => {
    const { provider } = await providerForDatacenter(deps, dc.id);
    const scope = await scopeForProject(deps, provider, dc.id, org.project.id);
    const op = await provider.createServer(scope, {
      name: 'app-1',
      flavorExternalId: flavorRef,
      imageExternalId: imageRef,
      networkExternalIds: [],
    });
    await changes();
    expect((await serverRow(op.externalId))?.projectId).toBe(org.project.id);
  });

  test('a full sync mirrors storage and network objects of bound projects, and their deletion', async () => {
    const { provider } = await providerForDatacenter(deps, dc.id);
    const scope = await scopeForProject(deps, provider, dc.id, org.project.id);
    const net = await networkOf(provider).createNetwork(scope, { name: 'sync-net' });
    const volume = await blockStorageOf(provider).createVolume(scope, {
      name: 'sync-vol',
      sizeGb: 3,
      source: { type: 'empty' },
    });
    const row = (type: string, externalId: string) =>
      h.deps.db.resource.findUnique({
        where: { datacenterId_type_externalId: { datacenterId: dc.id, type, externalId } },
      });
    expect(await full()).toMatchObject({ outcome: 'succeeded', mode: 'full' });
    expect(await row('network', net.externalId)).toMatchObject({
      name: 'sync-net',
      projectId: org.project.id,
      deletedAt: null,
    });
    expect(await row('volume', volume.externalId)).toMatchObject({
      name: 'sync-vol',
      projectId: org.project.id,
    });
    // The project's default security group exists in the cloud without anyone creating it.
    const groups = await h.deps.db.resource.findMany({
      where: { datacenterId: dc.id, type: 'security-group', projectId: org.project.id },
    });
    expect(groups.map((g) => g.name)).toContain('default');

    await networkOf(provider).deleteNetwork(scope, net.externalId);
    expect(await full()).toMatchObject({ outcome: 'succeeded' });
    expect((await row('network', net.externalId))?.deletedAt).not.toBeNull();
    expect((await row('volume', volume.externalId))?.deletedAt).toBeNull();
  });

  test('an incremental sync picks up renames, new and deleted servers', async () => {
    const renamed = await dc.cloud.request('PUT', `/compute/v2.1/servers/${ids[1]}`, {
      server: { name: 'web-2-renamed' },
    });
    expect(renamed.status).toBe(200);
    const added = await createSimServer('cache-1');
    expect((await dc.cloud.request('DELETE', `/compute/v2.1/servers/${ids[2]}`)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 300)); // the sim's delete settles
    const result = await changes();
    expect(result).toMatchObject({ outcome: 'succeeded', mode: 'changes' });
    expect((await serverRow(ids[1]!))?.name).toBe('web-2-renamed');
    expect(await serverRow(added)).toMatchObject({ name: 'cache-1', deletedAt: null });
    expect((await serverRow(ids[2]!))?.deletedAt).not.toBeNull();
  });

  test('a full sync corrects tampered rows, resurrects and deletes, and counts the drift', async () => {
    await h.deps.db.resource.update({
      where: {
        datacenterId_type_externalId: { datacenterId: dc.id, type: 'server', externalId: ids[0]! },
      },
      data: { name: 'tampered', status: 'error' },
    });
    const ghost = await h.deps.db.resource.create({
      data: {
        datacenterId: dc.id,
        type: 'server',
        externalId: 'ghost-server',
        name: 'ghost',
        status: 'active',
        spec: {},
        firstSeenAt: new Date(Date.now() - 3_600_000),
        lastSeenAt: new Date(Date.now() - 3_600_000),
      },
    });
    const runAt = new Date();
    const result = await full();
    expect(result).toMatchObject({ outcome: 'succeeded' });
    expect(await serverRow(ids[0]!)).toMatchObject({ name: 'web-1', status: 'active' });
    // Unchanged rows are only touched: seen by this run.
    expect((await serverRow(ids[1]!))!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(
      runAt.getTime(),
    );
    expect((await serverRow(ghost.externalId))?.deletedAt).not.toBeNull();
    const state = json<{ driftCorrected: number }>(
      await h.admin.get(`/api/v1/datacenters/${dc.id}/sync`),
    );
    expect(state.driftCorrected).toBe(2);
  });

  test('a task result refreshes one row at once (applyServerObservation)', async () => {
    const { provider } = await providerForDatacenter(deps, dc.id);
    const { projectExternalId } = await scopeForProject(deps, provider, dc.id, org.project.id);
    const added = await createSimServer('observed-1');
    const [server] = (await provider.listAllServers({})).filter((s) => s.externalId === added);
    const seen = await applyServerObservation(deps, dc.id, { ...server!, projectExternalId });
    expect(seen).toMatchObject({ projectId: org.project.id, deletedAt: null });
    const gone = await applyServerObservation(deps, dc.id, { ...server!, status: 'deleted' });
    expect(gone.deletedAt).not.toBeNull();
    const again = await applyServerObservation(deps, dc.id, { ...server!, status: 'deleted' });
    expect(again.deletedAt).toEqual(gone.deletedAt);
  });
});

describe('resync now', () => {
  test('answers 202 at once; a second request gets the queued run; a worker then runs it', async () => {
    const first = await h.admin.post(`/api/v1/datacenters/${dc.id}/sync`, { mode: 'full' });
    expect(first.statusCode).toBe(202);
    const a = json<{ runId: string; alreadyRunning: boolean }>(first);
    expect(a.alreadyRunning).toBe(false);
    const second = json<{ runId: string; alreadyRunning: boolean }>(
      await h.admin.post(`/api/v1/datacenters/${dc.id}/sync`, { mode: 'full' }),
    );
    expect(second).toMatchObject({ alreadyRunning: true, runId: a.runId });
    const worker = await startInventoryWorker(deps, { schedule: false });
    try {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const state = json<{ runId: string; state: string }>(
          await h.admin.get(`/api/v1/datacenters/${dc.id}/sync`),
        );
        if (state.runId === a.runId && state.state === 'idle') break;
        if (Date.now() > deadline)
          throw new Error(`run ${a.runId} did not finish: ${JSON.stringify(state)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.close();
    }
  });

  test('while a run holds the lease, resync answers that run and a second sync is skipped', async () => {
    const now = new Date();
    expect(
      await claimSyncLease(h.deps.db, {
        datacenterId: dc.id,
        runId: 'run-held',
        mode: 'full',
        now,
        leaseUntil: new Date(now.getTime() + 60_000),
      }),
    ).toBe(true);
    const res = await h.admin.post(`/api/v1/datacenters/${dc.id}/sync`, {});
    expect(res.statusCode).toBe(202);
    expect(json(res)).toMatchObject({ alreadyRunning: true, runId: 'run-held' });
    expect(await full()).toMatchObject({ outcome: 'skipped', runId: 'run-held' });
    await h.deps.db.datacenterSyncState.update({
      where: { datacenterId: dc.id },
      data: { state: 'idle', leaseUntil: null },
    });
  });
});

describe('failures end the run, never hang it', () => {
  test('an offline datacenter: failed with a readable lastError, fast', async () => {
    await dc.stopAgent();
    try {
      const started = Date.now();
      const result = await runInventorySync(deps, dc.id, 'full', {
        settings: { timeoutMs: 5_000 },
      });
      expect(result.outcome).toBe('failed');
      expect(Date.now() - started).toBeLessThan(5_000);
      const state = json<{ state: string; lastError: string; lastErrorReason: string }>(
        await h.admin.get(`/api/v1/datacenters/${dc.id}/sync`),
      );
      expect(state).toMatchObject({ state: 'failed', lastErrorReason: 'datacenter_offline' });
      expect(state.lastError).toContain(dc.name);
      expect(state.lastError).toMatch(/cannot be reached/);
    } finally {
      await dc.startAgent();
    }
  });

  test('a datacenter that stops answering: the run ends at its deadline', async () => {
    process.kill(dc.agentPid(), 'SIGSTOP');
    try {
      const started = Date.now();
      const result = await runInventorySync(deps, dc.id, 'full', {
        settings: { timeoutMs: 2_000 },
      });
      const took = Date.now() - started;
      expect(result.outcome).toBe('failed');
      expect(took).toBeLessThan(4_000);
      const state = await h.deps.db.datacenterSyncState.findUnique({
        where: { datacenterId: dc.id },
      });
      expect(state?.state).toBe('failed');
      expect(state?.lastError).toBeTruthy();
    } finally {
      process.kill(dc.agentPid(), 'SIGCONT');
    }
    await dc.waitForTunnel('online');
    expect(await full()).toMatchObject({ outcome: 'succeeded' });
  });
});
