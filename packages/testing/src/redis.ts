import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { isPortOpen, waitFor } from './ports';

export type RunningRedis = { url: string; stop: () => Promise<void> };

export const REDIS_INSTALL_HINT =
  'redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`), or set REDIS_URL to an existing Redis.';

export const hasRedisServer = (): boolean =>
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A private redis-server on loopback; with `persist`, data survives restarts (AOF in dataDir). */
export const startRedis = async (opts: {
  dataDir: string;
  port: number;
  persist: boolean;
}): Promise<RunningRedis> => {
  if (!hasRedisServer()) throw new Error(REDIS_INSTALL_HINT);
  await mkdir(opts.dataDir, { recursive: true });
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--dir',
    opts.dataDir,
    '--save',
    '',
    '--protected-mode',
    'yes',
  ];
  args.push('--appendonly', opts.persist ? 'yes' : 'no');
  const child: ChildProcess = spawn('redis-server', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(`redis-server on port ${opts.port}`, async () => {
    if (exited) throw new Error(`redis-server exited at start (is port ${opts.port} taken?)`);
    return isPortOpen(opts.port);
  });
  return {
    url: `redis://127.0.0.1:${opts.port}`,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
