import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { type Agent, request } from 'node:http';
import { connect } from 'node:net';
import { bulkHeader, payloadChunk } from './services';

/**
 * Move `bytes` through a forwarded port: 'U' writes them towards the service behind the tunnel
 * and waits for its one-byte receipt; 'D' reads them from it. Resolves with the seconds taken.
 */
export const transfer = (port: number, direction: 'U' | 'D', bytes: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port, noDelay: true });
    let received = 0;
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(bulkHeader(direction, bytes));
      if (direction === 'U') void pump(bytes);
    });
    socket.on('data', (data: Buffer) => {
      received += data.length;
      const done = direction === 'U' ? received >= 1 : received >= bytes;
      if (done) {
        const seconds = (performance.now() - started) / 1000;
        socket.destroy();
        resolve(seconds);
      }
    });
    socket.on('close', () => reject(new Error(`tunnel closed after ${received} bytes`)));
    const pump = async (total: number) => {
      for (let sent = 0; sent < total && !socket.destroyed; sent += payloadChunk.length) {
        const part = Math.min(payloadChunk.length, total - sent);
        const ok = socket.write(
          part === payloadChunk.length ? payloadChunk : payloadChunk.subarray(0, part),
        );
        if (!ok) await new Promise((r) => socket.once('drain', r));
      }
    };
  });

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a process and all its live descendants (sshd forks per connection), in s. */
export const treeCpuSeconds = async (pid: number): Promise<number> => {
  let total = 0;
  const visit = async (p: number) => {
    try {
      const stat = await readFile(`/proc/${p}/stat`, 'utf8');
      // fields after "(comm) ": state is [0], utime [11], stime [12]
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / clockTicks;
      for (const task of await readdir(`/proc/${p}/task`)) {
        const children = (await readFile(`/proc/${p}/task/${task}/children`, 'utf8')).trim();
        for (const c of children ? children.split(' ') : []) await visit(Number(c));
      }
    } catch {
      // ended between listing and reading: it uses no more CPU
    }
  };
  await visit(pid);
  return total;
};

/** One small GET through a forwarded port; resolves with milliseconds until the body ended. */
export const timedGet = (port: number, agent: Agent | false): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, path: '/agent/healthz', agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`GET answered ${res.statusCode}`));
        else resolve(performance.now() - started);
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error('GET timed out')));
    req.on('error', reject);
    req.end();
  });

/** Nearest-rank percentile of already sorted values. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
