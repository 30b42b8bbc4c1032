import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './ports';
import { startChild, type Child } from './processes';

const run = promisify(execFile);

/** Wait for readiness; a child that never gets there is stopped, not left behind. */
const waitForOrStop = async (child: Child, what: string, check: () => Promise<boolean>) => {
  try {
    await waitFor(what, check);
  } catch (error) {
    await child.stop();
    throw error;
  }
};

export type GatewayOptions = {
  root: string;
  gatewayId: string;
  dataDir: string;
  sshPort: number;
  redisUrl: string;
  prefix: string;
  portRange: { first: number; last: number };
  httpPort?: number;
  probeIntervalMs?: number;
  quiet?: boolean;
  /** Every line to this file; only warnings and errors to the terminal. */
  logFile?: string;
};

/** tunnel-gateway as its own process (how operators run it); ready once it listens. */
export const startGatewayProcess = async (opts: GatewayOptions): Promise<Child> => {
  let ready = false;
  const tail: string[] = []; // the last lines, to say why it stopped when it does
  const child = startChild(
    'gateway',
    process.execPath,
    ['--import', 'tsx', path.join(opts.root, 'apps/tunnel-gateway/src/main.ts')],
    {
      cwd: opts.root,
      quiet: opts.quiet,
      ...(opts.logFile ? { logFile: opts.logFile } : {}),
      onLine: (line) => {
        if (line.includes('tunnel gateway listening')) ready = true;
        tail.push(line);
        if (tail.length > 12) tail.shift();
      },
      env: {
        NODE_ENV: 'production',
        PATH: process.env.PATH,
        GATEWAY_ID: opts.gatewayId,
        GATEWAY_DATA_DIR: opts.dataDir,
        GATEWAY_SSH_HOST: '127.0.0.1',
        GATEWAY_SSH_PORT: String(opts.sshPort),
        GATEWAY_HTTP_PORT: String(opts.httpPort ?? 0),
        GATEWAY_PROBE_INTERVAL_MS: String(opts.probeIntervalMs ?? 10_000),
        REDIS_URL: opts.redisUrl,
        REDIS_KEY_PREFIX: opts.prefix,
        TUNNEL_PORT_RANGE: `${opts.portRange.first}-${opts.portRange.last}`,
        LOG_LEVEL: 'info',
      },
    },
  );
  await waitForOrStop(child, 'tunnel gateway', () => {
    if (child.process.exitCode !== null)
      throw new Error(`tunnel gateway exited with ${child.process.exitCode}:\n${tail.join('\n')}`);
    return Promise.resolve(ready);
  });
  return child;
};

const agentBin = (root: string) => path.join(root, 'apps/dc-agent/bin/yunguan-agent.mjs');

/** One `yunguan-agent` CLI command; resolves with its output, rejects with it on failure. */
export const runAgentCli = async (
  root: string,
  args: string[],
): Promise<{ stdout: string; stderr: string }> =>
  run(process.execPath, [agentBin(root), ...args], {
    env: { NODE_ENV: 'production', PATH: process.env.PATH, LOG_LEVEL: 'warn' },
  });

/** `yunguan-agent run` in the foreground; ready once the tunnel is up. */
export const startAgentProcess = async (
  root: string,
  dataDir: string,
  quiet = true,
  extraArgs: string[] = [],
  logFile?: string,
): Promise<Child> => {
  let up = false;
  const child = startChild(
    'agent',
    process.execPath,
    [agentBin(root), 'run', '--data-dir', dataDir, ...extraArgs],
    {
      cwd: root,
      quiet,
      ...(logFile ? { logFile } : {}),
      onLine: (line) => {
        if (line.includes('tunnel up')) up = true;
      },
      env: { NODE_ENV: 'production', PATH: process.env.PATH, LOG_LEVEL: 'info' },
    },
  );
  await waitForOrStop(child, 'agent tunnel', () => {
    if (child.process.exitCode !== null)
      throw new Error(`agent exited with ${child.process.exitCode}`);
    return Promise.resolve(up);
  });
  return child;
};
