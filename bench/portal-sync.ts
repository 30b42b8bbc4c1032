/**
 * The inventory sync benchmark of issue M1.4 (`npm run bench -- portal-sync`): a simulated
 * datacenter holding N servers (10,000 by default, written straight into the sim's state file),
 * reached through a real SSH tunnel, synced into a real PostgreSQL mirror. Compared with the time
 * to merely download the same servers' JSON through the tunnel (Nova's paged detail list).
 *
 *   npm run bench -- portal-sync [--servers 10000] [--runs 3]
 *
 * Not a test: numbers depend on the machine.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ensureDatabase,
  freePort,
  runAgentCli,
  startAgentProcess,
  startEmbeddedPostgres,
  startGatewayProcess,
  startRedis,
  type Child,
} from '@yunguan/testing';
import type { Bench } from './bench';
import { fillServers } from './sync/fill-sim-servers';
import {
  providerForDatacenter,
  tunnelFetch,
  migrate,
  closeDeps,
  createDeps,
  loadEnv,
  buildApp,
  createSuperAdmin,
  createDatacenter,
  putDatacenterCredentials,
  runInventorySync,
} from '@yunguan/portal-api/bench';

const root = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
};

const run = async (servers: number, runs: number) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yg-bench-sync-'));
  await chmod(dir, 0o755);
  const stops: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  try {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port: await freePort(),
    });
    stops.push(pg.stop);
    await ensureDatabase(pg.url('postgres'), 'yg_bench');
    await migrate(pg.url('yg_bench'), path.join(root, 'prisma/migrations'));
    const redis = await startRedis({
      dataDir: path.join(dir, 'redis'),
      port: await freePort(),
      persist: false,
    });
    stops.push(redis.stop);
    const first = 41_000 + Math.floor(Math.random() * 1_000);
    const env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: pg.url('yg_bench'),
      REDIS_URL: redis.url,
      YUNGUAN_SECRET_KEY: randomBytes(32).toString('base64'),
      YUNGUAN_FAST_HASH: 'true',
      LOG_LEVEL: 'warn',
      REDIS_KEY_PREFIX: 'ygs:',
      TUNNEL_PORT_RANGE: `${first}-${first + 5}`,
      TUNNEL_CALL_TIMEOUT_MS: '60000',
    });
    const deps = createDeps(env);
    const app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    stops.push(async () => {
      await app.close();
      await closeDeps(deps);
    });
    const portalUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { ctx } = await createSuperAdmin(deps.db, deps.config, {
      username: 'bench-admin',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const gateway = await startGatewayProcess({
      root,
      gatewayId: 'gw-bench-sync',
      dataDir: path.join(dir, 'gateway'),
      sshPort: await freePort(),
      redisUrl: redis.url,
      prefix: env.REDIS_KEY_PREFIX,
      portRange: { first, last: first + 5 },
      probeIntervalMs: 2_000,
      quiet: true,
    });
    stops.push(gateway.stop);
    const dc = await createDatacenter(ctx, {
      name: 'bench-sync',
      region: 'RegionOne',
      kind: 'openstack',
      description: '',
    });
    const agentDir = path.join(dir, 'agent');
    await runAgentCli(root, [
      'enroll',
      '--portal',
      portalUrl,
      '--token',
      dc.enrollment.token,
      '--data-dir',
      agentDir,
    ]);
    const configFile = path.join(agentDir, 'agent.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    await writeFile(
      configFile,
      JSON.stringify({
        ...config,
        sim: { adminPassword: 'admin', delays: { buildMs: 0, actionMs: 0, volumeMs: 0 } },
      }),
    );
    const startAgent = async (): Promise<Child> => {
      const agent = await startAgentProcess(root, agentDir, true, [
        '--stack',
        'sim',
        '--local-listen',
        `127.0.0.1:${await freePort()}`,
      ]);
      for (let i = 0; i < 200; i++) {
        const { record, health } = await deps.config.tunnel.registry.readTunnel(dc.id);
        if (record && !(health?.state === 'offline' && health.gatewayId === record.gatewayId))
          break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return agent;
    };
    const credentials = {
      authPath: '/identity/v3',
      username: 'admin',
      password: 'admin',
      userDomainName: 'Default',
      projectName: 'admin',
      projectDomainName: 'Default',
      regionName: 'RegionOne',
    };
    // First start seeds the sim (identity, compute); then fill its state file while it is down.
    let agent = await startAgent();
    await putDatacenterCredentials(ctx, dc.id, credentials);
    await agent.stop();
    await fillServers(path.join(agentDir, 'sim-state.json'), servers);
    agent = await startAgent();
    stops.push(() => agent.stop());
    await putDatacenterCredentials(ctx, dc.id, credentials); // fresh provider, verified
    const jobDeps = { db: deps.db, config: deps.config, now: () => new Date() };
    const { provider } = await providerForDatacenter(jobDeps, dc.id);
    const row = (await deps.db.datacenterAgent.findUnique({ where: { datacenterId: dc.id } }))!;
    const rawFetch = tunnelFetch(
      deps.config.tunnel.registry,
      { id: dc.id, name: dc.name, routerSecret: deps.config.secretBox.open(row.routerSecretEnc) },
      60_000,
    );
    const token = (
      await rawFetch('http://x/identity/v3/auth/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } },
            },
            scope: { project: { name: 'admin', domain: { name: 'Default' } } },
          },
        }),
      })
    ).headers.get('x-subject-token')!;
    /** The floor: page through the detail list and read the bytes, nothing else. */
    const download = async () => {
      let bytes = 0;
      let count = 0;
      let marker: string | null = null;
      for (;;) {
        const res = await rawFetch(
          `http://x/compute/v2.1/servers/detail?all_tenants=True&limit=1000${marker ? `&marker=${marker}` : ''}`,
          {
            method: 'GET',
            headers: { 'x-auth-token': token, 'openstack-api-version': 'compute 2.79' },
          },
        );
        const text = await res.text();
        bytes += text.length;
        const page = (JSON.parse(text) as { servers: { id: string }[] }).servers;
        count += page.length;
        if (page.length < 1000) return { bytes, count };
        marker = page[page.length - 1]!.id;
      }
    };
    const downloads: number[] = [];
    const adapter: number[] = [];
    let size = { bytes: 0, count: 0 };
    for (let r = 0; r < runs; r++) {
      const [ms, got] = await time(download);
      downloads.push(ms);
      size = got;
      adapter.push((await time(() => provider.listAllServers({})))[0]);
    }
    const [firstMs, firstSync] = await time(() =>
      runInventorySync(jobDeps, dc.id, 'full', { settings: { timeoutMs: 600_000 } }),
    );
    const steady: number[] = [];
    for (let r = 0; r < runs; r++)
      steady.push(
        (
          await time(() =>
            runInventorySync(jobDeps, dc.id, 'full', { settings: { timeoutMs: 600_000 } }),
          )
        )[0],
      );
    await deps.db.resource.updateMany({
      where: { datacenterId: dc.id, name: { startsWith: 'bench-000' } },
      data: { status: 'error' },
    });
    const [driftMs, drift] = await time(() =>
      runInventorySync(jobDeps, dc.id, 'full', { settings: { timeoutMs: 600_000 } }),
    );
    const floor = median(downloads);
    const mb = (size.bytes / 1024 / 1024).toFixed(1);
    console.log(`servers in the sim: ${size.count} (${mb} MiB of JSON through the tunnel)`);
    console.log(
      `download only (paged detail list, raw): ${floor.toFixed(0)} ms (median of ${runs})`,
    );
    console.log(
      `adapter listAllServers (download + parse + DTOs): ${median(adapter).toFixed(0)} ms → ${(median(adapter) / floor).toFixed(2)}× download`,
    );
    console.log(
      `first full sync (empty mirror, ${firstSync.outcome === 'succeeded' ? firstSync.counts.created : '?'} inserts): ${firstMs.toFixed(0)} ms → ${(firstMs / floor).toFixed(2)}× download`,
    );
    console.log(
      `steady full sync (nothing changed): ${median(steady).toFixed(0)} ms (median of ${runs}) → ${(median(steady) / floor).toFixed(2)}× download`,
    );
    console.log(
      `full sync correcting ${drift.outcome === 'succeeded' ? drift.drift : '?'} tampered rows: ${driftMs.toFixed(0)} ms → ${(driftMs / floor).toFixed(2)}× download`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
};

export const portalSyncBench: Bench = {
  name: 'portal-sync',
  summary: 'inventory sync of 10,000 sim servers through the tunnel vs downloading their JSON',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        servers: { type: 'string', default: '10000' },
        runs: { type: 'string', default: '3' },
      },
    });
    await run(Number(values.servers), Number(values.runs));
  },
};
