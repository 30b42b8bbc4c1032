/**
 * Tunnel throughput: the same `ssh -N -R` reverse forward served by our tunnel-gateway and by
 * OpenSSH sshd, on loopback, alternating, median of N runs. Prints MiB/s, server CPU seconds
 * per GiB and the ratios (gateway / sshd).
 *
 *   npx tsx bench/tunnel-throughput.ts [--mib 256] [--runs 3]
 *
 * Needs Redis on 127.0.0.1:6379 (REDIS_URL) and openssh-client/openssh-server installed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { tunnelKeys } from '@yunguan/contract';
import { Redis } from 'ioredis';
import ssh2 from 'ssh2';

const { values } = parseArgs({
  options: { mib: { type: 'string', default: '256' }, runs: { type: 'string', default: '3' } },
});
const sizeMiB = Number(values.mib);
const runs = Number(values.runs);
const totalBytes = sizeMiB * 1024 * 1024;
const repo = resolve(import.meta.dirname, '..');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

const waitForLine = (child: ChildProcess, pattern: RegExp, what: string) =>
  new Promise<void>((ok, fail) => {
    let seen = '';
    const on = (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) ok();
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.once('exit', (code) => fail(new Error(`${what} exited (${code}):\n${seen}`)));
  });

/** utime + stime of a process and all its descendants, in seconds. */
const treeCpuSeconds = async (pid: number): Promise<number> => {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const visit = async (p: number) => {
    try {
      const stat = await readFile(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick;
      for (const task of await readdir(`/proc/${p}/task`)) {
        const children = (await readFile(`/proc/${p}/task/${task}/children`, 'utf8')).trim();
        for (const c of children ? children.split(' ') : []) await visit(Number(c));
      }
    } catch {
      // the process ended between listing and reading: it no longer uses CPU
    }
  };
  await visit(pid);
  return total;
};

/** A TCP sink standing where the agent's router would: counts bytes per connection. */
const startSink = async () => {
  let onDone: ((n: number) => void) | null = null;
  const server = createServer((socket: Socket) => {
    let n = 0;
    socket.on('data', (d: Buffer) => {
      n += d.length;
      if (n >= totalBytes) {
        socket.end();
        onDone?.(n);
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    expect: () => new Promise<number>((ok) => (onDone = ok)),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
};

const chunk = Buffer.alloc(1024 * 1024, 0x5a);

/** Push totalBytes into the forwarded port; resolve with seconds until the sink had them all. */
const transfer = async (
  port: number,
  sink: Awaited<ReturnType<typeof startSink>>,
): Promise<number> => {
  const received = sink.expect();
  const started = performance.now();
  const socket = connect({ host: '127.0.0.1', port, noDelay: true });
  await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
  for (let sent = 0; sent < totalBytes; sent += chunk.length) {
    if (!socket.write(chunk)) await new Promise((ok) => socket.once('drain', ok));
  }
  await received;
  const seconds = (performance.now() - started) / 1000;
  socket.destroy();
  return seconds;
};

const waitForPort = async (port: number) => {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((r) => {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        r(true);
      }).once('error', () => r(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`forwarded port ${port} never opened`);
};

const sshForward = (keyPath: string, sshPort: number, fwdPort: number, sinkPort: number) => {
  const child = spawn(
    'ssh',
    [
      '-F',
      '/dev/null',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'ExitOnForwardFailure=yes',
      '-i',
      keyPath,
      '-p',
      String(sshPort),
      '-N',
      '-R',
      `127.0.0.1:${fwdPort}:127.0.0.1:${sinkPort}`,
      `${process.env.USER ?? 'root'}@127.0.0.1`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return child;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const main = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'yg-bench-'));
  const prefix = `yg-bench:${randomUUID()}:`;
  const keys = tunnelKeys(prefix);
  const redis = new Redis(redisUrl);
  const children: ChildProcess[] = [];
  try {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    const keyPath = join(dir, 'agent_ed25519');
    await writeFile(keyPath, pair.private, { mode: 0o600 });
    await writeFile(join(dir, 'authorized_keys'), `${pair.public}\n`);
    const pub = ssh2.utils.parseKey(pair.public);
    if (pub instanceof Error) throw pub;
    const { createHash } = await import('node:crypto');
    const fp = `SHA256:${createHash('sha256').update(pub.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;

    const gwPort = await freePort();
    const sshdPort = await freePort();
    const gwFwd = await freePort();
    const sshdFwd = await freePort();
    await redis.set(
      keys.agentKey(fp),
      JSON.stringify({ datacenterId: 'dc-bench', port: gwFwd, revoked: false }),
    );

    const gateway = spawn(
      process.execPath,
      ['--import', 'tsx', join(repo, 'apps/tunnel-gateway/src/main.ts')],
      {
        env: {
          PATH: process.env.PATH,
          GATEWAY_ID: 'gw-bench',
          GATEWAY_DATA_DIR: join(dir, 'gateway'),
          GATEWAY_SSH_HOST: '127.0.0.1',
          GATEWAY_SSH_PORT: String(gwPort),
          GATEWAY_HTTP_PORT: '0',
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: prefix,
          TUNNEL_PORT_RANGE: `${gwFwd}-${gwFwd}`,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(gateway);
    await waitForLine(gateway, /tunnel gateway listening/, 'gateway');

    const sshd = spawn(
      'bash',
      [
        join(repo, 'infra/dev/start-sshd.sh'),
        join(dir, 'sshd'),
        String(sshdPort),
        join(dir, 'authorized_keys'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(sshd);
    await waitForLine(sshd, /Server listening on 127\.0\.0\.1/, 'sshd');

    const sink = await startSink();
    const viaGateway = sshForward(keyPath, gwPort, gwFwd, sink.port);
    const viaSshd = sshForward(keyPath, sshdPort, sshdFwd, sink.port);
    children.push(viaGateway, viaSshd);
    await Promise.all([waitForPort(gwFwd), waitForPort(sshdFwd)]);

    const results = {
      gateway: { mibs: [] as number[], cpu: [] as number[] },
      sshd: { mibs: [] as number[], cpu: [] as number[] },
    };
    const targets = [
      { name: 'gateway' as const, port: gwFwd, pid: gateway.pid! },
      { name: 'sshd' as const, port: sshdFwd, pid: sshd.pid! },
    ];
    // warm-up: JIT, windows, rekey
    for (const t of targets) await transfer(t.port, sink);
    for (let i = 0; i < runs; i++) {
      for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
        const cpuBefore = await treeCpuSeconds(t.pid);
        const seconds = await transfer(t.port, sink);
        const cpu = (await treeCpuSeconds(t.pid)) - cpuBefore;
        results[t.name].mibs.push(sizeMiB / seconds);
        results[t.name].cpu.push(cpu / (sizeMiB / 1024));
        console.log(
          `run ${i + 1} ${t.name.padEnd(7)} ${(sizeMiB / seconds).toFixed(1)} MiB/s  ${(cpu / (sizeMiB / 1024)).toFixed(2)} CPU s/GiB`,
        );
      }
    }
    const g = { mibs: median(results.gateway.mibs), cpu: median(results.gateway.cpu) };
    const s = { mibs: median(results.sshd.mibs), cpu: median(results.sshd.cpu) };
    console.log(`\n${sizeMiB} MiB per run, median of ${runs}, loopback, ssh client: OpenSSH`);
    console.log(`tunnel-gateway  ${g.mibs.toFixed(1)} MiB/s  ${g.cpu.toFixed(2)} server CPU s/GiB`);
    console.log(`OpenSSH sshd    ${s.mibs.toFixed(1)} MiB/s  ${s.cpu.toFixed(2)} server CPU s/GiB`);
    console.log(
      `ratio           throughput ${(g.mibs / s.mibs).toFixed(2)}x  CPU/GiB ${(g.cpu / s.cpu).toFixed(2)}x`,
    );
    await sink.close();
  } finally {
    for (const c of children.reverse()) c.kill('SIGTERM');
    await sleep(300);
    const stale = await redis.keys(`${prefix}*`);
    if (stale.length > 0) await redis.del(...stale);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  }
};

await main();
