/**
 * The tunnel benchmark of issue M1.2 (`npm run bench -- tunnel`): the same stock `ssh -N -R`
 * reverse forward served by our tunnel-gateway and by OpenSSH sshd, on loopback, alternating,
 * median of N runs. Prints MiB/s and server CPU seconds per GiB in both directions (upload:
 * portal → datacenter; download: datacenter → portal), p50/p99 of a small HTTP GET through each
 * tunnel (a new connection per request, and keep-alive), and the ratios gateway / sshd.
 *
 *   npm run bench -- tunnel [--mib 1024] [--runs 5] [--requests 2000] [--json]
 *
 * Needs openssh-client, openssh-server and redis-server (a private one is started unless
 * REDIS_URL is set). Not a test: numbers depend on the machine; read them side by side.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bench } from './bench';
import { median, percentile, timedGet, transfer, treeCpuSeconds } from './tunnel/measure';
import { type SideResult, formatReport } from './tunnel/report';
import { type TunnelServer, startTunnels } from './tunnel/servers';
import { startBulkService, startHttpService } from './tunnel/services';

const repo = resolve(import.meta.dirname, '..');

const parseOptions = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      mib: { type: 'string', default: '1024' },
      runs: { type: 'string', default: '5' },
      requests: { type: 'string', default: '2000' },
      json: { type: 'boolean', default: false },
    },
  });
  const mib = Number(values.mib);
  const runs = Number(values.runs);
  const requests = Number(values.requests);
  if (!Number.isInteger(mib) || mib < 1) throw new Error('--mib must be a positive integer');
  if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs must be at least 3');
  if (!Number.isInteger(requests) || requests < 100) throw new Error('--requests must be >= 100');
  return { mib, runs, requests, json: values.json };
};

const spread = (xs: number[]) =>
  xs.length === 0 ? 'n/a' : `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

type Samples = { mibs: number[]; cpuPerGiB: number[] };

/** One transfer with the server's CPU time around it. */
const measureTransfer = async (server: TunnelServer, direction: 'U' | 'D', mib: number) => {
  const before = await treeCpuSeconds(server.pid);
  const seconds = await transfer(server.bulkPort, direction, mib * 1024 * 1024);
  const cpu = (await treeCpuSeconds(server.pid)) - before;
  return { mibs: mib / seconds, cpuPerGiB: cpu / (mib / 1024) };
};

/** Small GETs, interleaved one by one between the servers so both see the same moments. */
const measureLatency = async (servers: TunnelServer[], requests: number, keepAlive: boolean) => {
  const agents = servers.map(() =>
    keepAlive ? new Agent({ keepAlive: true, maxSockets: 1 }) : (false as const),
  );
  const samples = servers.map(() => [] as number[]);
  const warmUp = 100;
  for (let i = 0; i < warmUp + requests; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const ms = await timedGet(servers[k]!.httpPort, agents[k]!);
      if (i >= warmUp) samples[k]!.push(ms);
    }
  }
  for (const a of agents) if (a) a.destroy();
  return samples.map((s) => {
    const sorted = s.sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  });
};

const runTunnelBench = async (args: string[]) => {
  const { mib, runs, requests, json } = parseOptions(args);
  const loadBefore = loadavg();
  const dir = await mkdtemp(join(tmpdir(), 'yg-bench-'));
  const bulk = await startBulkService();
  const http = await startHttpService();
  const tunnels = await startTunnels({
    repo,
    dir,
    services: { bulkPort: bulk.port, httpPort: http.port },
  });
  try {
    const servers = [tunnels.gateway, tunnels.sshd];
    const sshVersion = execFileSync('ssh', ['-V'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    const warmMib = Math.min(mib, 128);
    for (const direction of ['U', 'D'] as const) {
      for (const s of servers) await transfer(s.bulkPort, direction, warmMib * 1024 * 1024);
    }
    console.log(
      [
        `tunnel benchmark: ${mib} MiB per transfer, median of ${runs} alternating runs, loopback`,
        `client: stock ${sshVersion || 'OpenSSH'} \`ssh -N -R\` for both; node ${process.version}; ${cpus().length} CPUs (client, server and this process share them)`,
        `negotiated cipher: tunnel-gateway ${tunnels.gateway.cipher()}, OpenSSH sshd ${tunnels.sshd.cipher()}`,
        `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
        '',
      ].join('\n'),
    );
    const samples = new Map<string, Record<'U' | 'D', Samples>>(
      servers.map((s) => [
        s.name,
        { U: { mibs: [], cpuPerGiB: [] }, D: { mibs: [], cpuPerGiB: [] } },
      ]),
    );
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? servers : [...servers].reverse();
      for (const direction of ['U', 'D'] as const) {
        for (const s of order) {
          const r = await measureTransfer(s, direction, mib);
          const bucket = samples.get(s.name)![direction];
          bucket.mibs.push(r.mibs);
          bucket.cpuPerGiB.push(r.cpuPerGiB);
          console.log(
            `run ${run + 1} ${direction === 'U' ? 'upload  ' : 'download'} ${s.name.padEnd(15)} ${r.mibs.toFixed(1).padStart(7)} MiB/s ${r.cpuPerGiB.toFixed(2).padStart(6)} CPU s/GiB`,
          );
        }
      }
    }
    console.log(`\nGET latency: ${requests} requests per tunnel and mode, interleaved`);
    const fresh = await measureLatency(servers, requests, false);
    const keepAlive = await measureLatency(servers, requests, true);
    const result = (i: number): SideResult => {
      const s = samples.get(servers[i]!.name)!;
      return {
        upload: { mibs: median(s.U.mibs), cpuPerGiB: median(s.U.cpuPerGiB) },
        download: { mibs: median(s.D.mibs), cpuPerGiB: median(s.D.cpuPerGiB) },
        latency: { fresh: fresh[i]!, keepAlive: keepAlive[i]! },
      };
    };
    console.log(`\n${formatReport(result(0), result(1))}`);
    const spreadLine = (name: string) => {
      const x = samples.get(name)!;
      return `${name}: upload ${spread(x.U.mibs)} MiB/s, download ${spread(x.D.mibs)} MiB/s`;
    };
    console.log(
      `spread over ${runs} runs (min–max): ${servers.map((x) => spreadLine(x.name)).join('; ')}`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (json) {
      const gw = result(0);
      const sshd = result(1);
      console.log(
        JSON.stringify(
          {
            bench: 'tunnel',
            at: new Date().toISOString(),
            mib,
            runs,
            cipher: { gateway: tunnels.gateway.cipher(), sshd: tunnels.sshd.cipher() },
            loadavg: { before: loadBefore, after: loadavg() },
            gateway: gw,
            sshd,
            samples: Object.fromEntries(samples),
            ratio: {
              upload: gw.upload.mibs / sshd.upload.mibs,
              download: gw.download.mibs / sshd.download.mibs,
              freshP50: gw.latency.fresh.p50 / sshd.latency.fresh.p50,
            },
          },
          null,
          2,
        ),
      );
    }
  } finally {
    await tunnels.stop();
    await bulk.close();
    await http.close();
    await rm(dir, { recursive: true, force: true });
  }
};

export const tunnelBench: Bench = {
  name: 'tunnel',
  summary: 'tunnel-gateway vs OpenSSH sshd: MiB/s, server CPU s/GiB, GET p50/p99 (1 GiB, 5 runs)',
  run: runTunnelBench,
};
