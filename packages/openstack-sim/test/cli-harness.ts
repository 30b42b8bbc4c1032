import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readOpenrc } from '@yunguan/testing';
import { type Spawned, freePort, spawnProcess } from '@yunguan/testing/tunnel';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const agentBin = path.join(root, 'apps/dc-agent/bin/yunguan-agent.mjs');
/** Debian's python3-openstackclient. */
export const openstackBin = '/usr/bin/openstack';

export type OpenstackResult = { code: number; stdout: string; stderr: string };

export type SimDatacenter = {
  /** The agent's data directory (sim-state.json, events.jsonl, images/, openrc). */
  dataDir: string;
  /** `http://127.0.0.1:<local listener>/identity/v3`. */
  authUrl: string;
  /** The OS_* variables of `<dataDir>/openrc`. */
  openrc: Record<string, string>;
  /** `openstack <args> -f json` → the parsed JSON; rejects with the CLI's stderr on failure. */
  runOpenstack: <T = unknown>(args: string[], env?: Record<string, string>) => Promise<T>;
  /** `openstack <args>` for commands without output (delete, add, set); resolves with stdout. */
  runOpenstackCommand: (args: string[], env?: Record<string, string>) => Promise<string>;
  /** `openstack <args>` that may fail: exit code, stdout and stderr, never rejects. */
  tryOpenstack: (args: string[], env?: Record<string, string>) => Promise<OpenstackResult>;
  /** The agent process's output so far (for failure messages). */
  agentOutput: () => { stdout: string; stderr: string };
  /** Stop the agent (SIGTERM: the sim flushes its state); keepData leaves the directory. */
  stop: (opts?: { keepData?: boolean }) => Promise<void>;
};

/**
 * A real `yunguan-agent run --stack sim` process, standalone (no enrollment, no tunnel), with its
 * local listener on a free loopback port; the `openstack` CLI talks to it with Keystone auth only,
 * through the agent's router and catalog rewriting — exactly what an operator's openrc does.
 */
export const startSimDatacenter = async (
  opts: { dataDir?: string; timeoutMs?: number } = {},
): Promise<SimDatacenter> => {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'yg-sim-cli-')));
  const port = await freePort();
  const agent: Spawned = spawnProcess(
    process.execPath,
    [
      agentBin,
      'run',
      '--stack',
      'sim',
      '--data-dir',
      dataDir,
      '--local-listen',
      `127.0.0.1:${port}`,
    ],
    { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'info' },
  );
  try {
    await agent.waitForOutput(/agent started/, opts.timeoutMs ?? 30_000);
  } catch (error) {
    await agent.kill();
    throw error;
  }
  const openrc = await readOpenrc(path.join(dataDir, 'openrc'));
  // Only what the CLI needs: no proxies, no clouds.yaml, a private cache directory.
  const baseEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dataDir,
    LANG: 'C.UTF-8',
    ...openrc,
  };
  const tryOpenstack = async (
    args: string[],
    env: Record<string, string> = {},
  ): Promise<OpenstackResult> => {
    try {
      const { stdout, stderr } = await run(openstackBin, args, {
        env: { ...baseEnv, ...env },
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number | string; stdout?: string; stderr?: string };
      return {
        code: typeof e.code === 'number' ? e.code : 1,
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? String(error),
      };
    }
  };
  const runOpenstackCommand = async (args: string[], env?: Record<string, string>) => {
    const result = await tryOpenstack(args, env);
    if (result.code !== 0) {
      throw new Error(`openstack ${args.join(' ')} failed (${result.code}):\n${result.stderr}`);
    }
    return result.stdout;
  };
  return {
    dataDir,
    authUrl: openrc.OS_AUTH_URL ?? '',
    openrc,
    runOpenstack: async <T>(args: string[], env?: Record<string, string>) =>
      JSON.parse(await runOpenstackCommand([...args, '-f', 'json'], env)) as T,
    runOpenstackCommand,
    tryOpenstack,
    agentOutput: agent.output,
    stop: async ({ keepData = false } = {}) => {
      await agent.kill();
      if (!keepData && opts.dataDir === undefined)
        await rm(dataDir, { recursive: true, force: true });
    },
  };
};
