import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  type RedisTestScope,
  type Spawned,
  createRedisTestScope,
  freePort,
} from '@yunguan/testing/tunnel';
import { startReferenceEnrollServer } from './reference-enroll-server';
import {
  gatewayProcessEnv,
  readGatewayFingerprint,
  startGatewayProcess,
} from './start-gateway-process';
import { type Upstream, startUpstream } from './start-upstream';

export const run = promisify(execFile);
export const agentBin = resolve(import.meta.dirname, '../bin/yunguan-agent.mjs');

export type GatewayFixture = {
  scope: RedisTestScope;
  /** A fresh temporary directory; the agent's data lives in `dataDir` below it. */
  root: string;
  dataDir: string;
  sshPort: number;
  /** The one tunnel port the gateway hands out. */
  dcPort: number;
  /** What the gateway process runs with, to start it again after killing it. */
  gatewayEnv: NodeJS.ProcessEnv;
  gateway: Spawned;
  enroll: Awaited<ReturnType<typeof startReferenceEnrollServer>>;
  nova: Upstream;
  /** The agent CLI on `dataDir`, quiet and with a minimal environment. */
  agentCli: (args: string[]) => ReturnType<typeof run>;
  close: () => Promise<void>;
};

/**
 * One datacenter's world as real processes: a Redis scope, a tunnel-gateway process with a
 * single tunnel port, a Nova stand-in and the reference enroll server holding `token`.
 * If any part fails to start, the parts already started are closed.
 */
export const startGatewayFixture = async (opts: {
  tmpPrefix: string;
  gatewayId: string;
  datacenterId: string;
  token: string;
}): Promise<GatewayFixture> => {
  const fx: Partial<GatewayFixture> = { scope: createRedisTestScope() };
  const close = async () => {
    await fx.gateway?.kill();
    await fx.enroll?.close();
    await fx.nova?.close();
    await fx.scope?.cleanup();
  };
  try {
    const scope = fx.scope!;
    const root = await mkdtemp(join(tmpdir(), opts.tmpPrefix));
    const dataDir = join(root, 'agent');
    const sshPort = await freePort();
    const dcPort = await freePort();
    const portRange = { first: dcPort, last: dcPort };
    const gatewayEnv = gatewayProcessEnv({
      gatewayId: opts.gatewayId,
      dataDir: join(root, 'gateway'),
      sshPort,
      prefix: scope.prefix,
      portRange,
    });
    Object.assign(fx, { root, dataDir, sshPort, dcPort, gatewayEnv });
    fx.gateway = await startGatewayProcess(gatewayEnv);
    fx.nova = await startUpstream('nova');
    fx.enroll = await startReferenceEnrollServer({
      redis: scope.redis,
      keys: scope.keys,
      prefix: scope.prefix,
      datacenterId: opts.datacenterId,
      token: opts.token,
      portRange,
      gateway: { host: '127.0.0.1', port: sshPort },
      hostKeyFingerprint: await readGatewayFingerprint(join(root, 'gateway')),
    });
  } catch (err) {
    await close();
    throw err;
  }
  const agentCli = (args: string[]) =>
    run(process.execPath, [agentBin, ...args, '--data-dir', fx.dataDir!], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn' },
    });
  return Object.assign(fx as GatewayFixture, { agentCli, close });
};
