/**
 * Bring up a whole portal for the portal bench: embedded PostgreSQL (migrated), redis-server,
 * portal-api in this process (listening), the worker as its own process, a tunnel-gateway
 * process and a `yunguan-agent run --stack sim` with zero sim delays, enrolled through the API
 * and reached through a real SSH tunnel. Everything is stopped by `stop()`.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ensureDatabase,
  loginPortal,
  freePort,
  runAgentCli,
  startAgentProcess,
  startChild,
  startEmbeddedPostgres,
  startGatewayProcess,
  startRedis,
  type Child,
} from '@yunguan/testing';
import {
  closeDeps,
  createDeps,
  loadEnv,
  buildApp,
  createSuperAdmin,
} from '@yunguan/portal-api/bench';

export const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'bench-password-1';

export type PortalStack = {
  apiUrl: string;
  auth: Record<string, string>;
  deps: ReturnType<typeof createDeps>;
  adminCtx: Awaited<ReturnType<typeof createSuperAdmin>>['ctx'];
  /** The portal's database, for the bare reference endpoint of the list bench. */
  databaseUrl: string;
  poolSize: number;
  datacenterId: string;
  simUrl: string;
  stop: () => Promise<void>;
};

const call = async (url: string, init: RequestInit & { json?: unknown } = {}) => {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return { res, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
};

export const startPortalStack = async (opts: {
  workerConcurrency: number;
  /** Monitoring: the InfluxDB behind the agent, and how often the simulator writes (ms). */
  influx?: { url: string; metricsIntervalMs: number };
  /** Only PostgreSQL, Redis and portal-api (the list bench): no worker, gateway or agent. */
  apiOnly?: boolean;
}): Promise<PortalStack> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yg-bench-portal-'));
  await chmod(dir, 0o755);
  const stops: (() => Promise<void>)[] = [async () => rm(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port: await freePort(),
    });
    stops.push(pg.stop);
    await ensureDatabase(pg.url('postgres'), 'yg_bench');
    const databaseUrl = pg.url('yg_bench');
    const migrated = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/db/migrate-cli.ts'],
      {
        cwd: path.join(root, 'apps/portal-api'),
        env: { ...process.env, DATABASE_URL: databaseUrl },
        encoding: 'utf8',
      },
    );
    if (migrated.status !== 0) throw new Error(`migrate: ${migrated.stderr}`);
    const redis = await startRedis({
      dataDir: path.join(dir, 'redis'),
      port: await freePort(),
      persist: false,
    });
    stops.push(redis.stop);
    const first = 40_000 + Math.floor(Math.random() * 1_000);
    const rawEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      YUNGUAN_SECRET_KEY: randomBytes(32).toString('base64'),
      YUNGUAN_FAST_HASH: 'true',
      LOG_LEVEL: 'warn',
      REDIS_KEY_PREFIX: 'ygb:',
      TUNNEL_PORT_RANGE: `${first}-${first + 10}`,
      TASK_FOLLOW_INTERVAL_MS: '500',
      TASK_CONCURRENCY: String(opts.workerConcurrency),
      DATABASE_POOL_SIZE: process.env.YG_BENCH_POOL_SIZE ?? '20',
    };
    const deps = createDeps(loadEnv(rawEnv));
    const app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    stops.push(async () => {
      await app.close();
      await closeDeps(deps);
    });
    const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { ctx: adminCtx } = await createSuperAdmin(deps.db, deps.config, {
      username: 'bench-admin',
      password: PASSWORD,
      displayName: 'Bench',
    });
    const { headers } = await loginPortal(apiUrl, 'bench-admin', PASSWORD);
    const token = await call(`${apiUrl}/api/v1/me/api-tokens`, {
      method: 'POST',
      headers,
      json: { name: 'bench' },
    });
    const auth = { authorization: `Bearer ${String(token.body.token)}` };
    if (opts.apiOnly) {
      const dc = await call(`${apiUrl}/api/v1/datacenters`, {
        method: 'POST',
        headers: auth,
        json: { name: 'bench-list', region: 'RegionOne', kind: 'openstack' },
      });
      return {
        apiUrl,
        auth,
        deps,
        adminCtx,
        databaseUrl,
        poolSize: deps.env.DATABASE_POOL_SIZE,
        datacenterId: String(dc.body.id),
        simUrl: '',
        stop,
      };
    }

    const worker: Child = startChild(
      'worker',
      process.execPath,
      ['--import', 'tsx', 'src/worker.ts'],
      {
        cwd: path.join(root, 'apps/portal-api'),
        env: { PATH: process.env.PATH, ...rawEnv },
        quiet: true,
      },
    );
    stops.push(worker.stop);
    const gateway = await startGatewayProcess({
      root,
      gatewayId: 'gw-bench',
      dataDir: path.join(dir, 'gateway'),
      sshPort: await freePort(),
      redisUrl: redis.url,
      prefix: rawEnv.REDIS_KEY_PREFIX,
      portRange: { first, last: first + 10 },
      probeIntervalMs: 1_000,
      quiet: true,
    });
    stops.push(gateway.stop);
    const dc = await call(`${apiUrl}/api/v1/datacenters`, {
      method: 'POST',
      headers: auth,
      json: { name: 'bench-sim', region: 'RegionOne', kind: 'openstack' },
    });
    const datacenterId = String(dc.body.id);
    const agentDir = path.join(dir, 'agent');
    const enrollment = dc.body.enrollment as { token: string };
    await runAgentCli(root, [
      'enroll',
      '--portal',
      apiUrl,
      '--token',
      enrollment.token,
      '--data-dir',
      agentDir,
    ]);
    const configFile = path.join(agentDir, 'agent.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    const delays = { buildMs: 0, actionMs: 0, volumeMs: 0 };
    const influx = opts.influx;
    await writeFile(
      configFile,
      JSON.stringify({
        ...config,
        sim: {
          adminPassword: 'admin',
          delays,
          ...(influx
            ? { metricsIntervalMs: influx.metricsIntervalMs, metricsBackfill: false }
            : {}),
        },
        ...(influx ? { router: { upstreams: { influx: influx.url } } } : {}),
      }),
    );
    const simPort = await freePort();
    const agent = await startAgentProcess(root, agentDir, process.env.YG_BENCH_VERBOSE !== '1', [
      '--stack',
      'sim',
      '--local-listen',
      `127.0.0.1:${simPort}`,
    ]);
    stops.push(agent.stop);
    for (
      let i = 0;
      i < 100 && !(await deps.config.tunnel.registry.readTunnel(datacenterId)).record;
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    await call(`${apiUrl}/api/v1/datacenters/${datacenterId}/credentials`, {
      method: 'PUT',
      headers: auth,
      json: {
        authPath: '/identity/v3',
        username: 'admin',
        password: 'admin',
        userDomainName: 'Default',
        projectName: 'admin',
        projectDomainName: 'Default',
        regionName: 'RegionOne',
      },
    });
    return {
      apiUrl,
      auth,
      deps,
      adminCtx,
      databaseUrl,
      poolSize: deps.env.DATABASE_POOL_SIZE,
      datacenterId,
      simUrl: `http://127.0.0.1:${simPort}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
