import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, waitFor } from './ports';

export type RunningInfluxd = {
  /** e.g. http://127.0.0.1:18086 */
  url: string;
  port: number;
  stop: () => Promise<void>;
};

export const INFLUXD_INSTALL_HINT =
  'influxd was not found on PATH: install InfluxDB (Debian/Ubuntu: `sudo apt-get install -y influxdb influxdb-client`) to get monitoring.';

export const hasInfluxd = (): boolean =>
  spawnSync('influxd', ['version'], { stdio: 'ignore' }).status === 0;

/**
 * A private influxd (Debian's InfluxDB 1.x) on loopback: its own config, meta/data/wal dirs under
 * `dataDir`, HTTP on `port`. Starting again with the same dir and port keeps the data (tests stop
 * and restart it to simulate an outage).
 */
export const startInfluxd = async (opts: {
  dataDir: string;
  port: number;
  /** How often continuous queries run (InfluxDB's default is 1s). */
  cqRunInterval?: string;
}): Promise<RunningInfluxd> => {
  if (!hasInfluxd()) throw new Error(INFLUXD_INSTALL_HINT);
  await mkdir(opts.dataDir, { recursive: true });
  const rpcPort = await freePort();
  const config = path.join(opts.dataDir, 'influxdb.conf');
  await writeFile(
    config,
    [
      'reporting-disabled = true',
      `bind-address = "127.0.0.1:${rpcPort}"`,
      '[meta]',
      `  dir = "${path.join(opts.dataDir, 'meta')}"`,
      '[data]',
      `  dir = "${path.join(opts.dataDir, 'data')}"`,
      `  wal-dir = "${path.join(opts.dataDir, 'wal')}"`,
      '  query-log-enabled = false',
      '[monitor]',
      '  store-enabled = false',
      '[http]',
      `  bind-address = "127.0.0.1:${opts.port}"`,
      '  log-enabled = false',
      '[logging]',
      '  level = "warn"',
      '[continuous_queries]',
      '  log-enabled = false',
      `  run-interval = "${opts.cqRunInterval ?? '1s'}"`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('influxd', ['run', '-config', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor(`influxd on port ${opts.port}`, async () => {
    if (exited) throw new Error(`influxd exited at start (is port ${opts.port} taken?)\n${stderr}`);
    try {
      return (await fetch(`${url}/ping`)).status === 204;
    } catch {
      return false;
    }
  });
  return {
    url,
    port: opts.port,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

/** Run one InfluxQL statement over /query (POST: statements that write as well as read). */
export const influxQuery = async (
  url: string,
  q: string,
  db?: string,
): Promise<{
  results: { series?: { name: string; columns: string[]; values: unknown[][] }[] }[];
}> => {
  const body = new URLSearchParams({ q, ...(db ? { db } : {}) });
  const res = await fetch(`${url}/query`, { method: 'POST', body });
  if (!res.ok) throw new Error(`influx query ${q}: ${res.status} ${await res.text()}`);
  return (await res.json()) as {
    results: { series?: { name: string; columns: string[]; values: unknown[][] }[] }[];
  };
};
