/**
 * The simulator benchmark of issue M1.3 (`npm run bench -- sim`):
 * 1. the pure filter scheduler placing 1,000 servers on 500 hosts (every filter and weigher,
 *    resources consumed between placements), median of N runs;
 * 2. Nova server creates per second against the in-process Fastify app (app.inject, zero delays,
 *    quota lifted), i.e. the API cost without the network or the tunnel;
 * 3. creates per second through the tunnel vs straight to the agent (bench/sim-tunnel.ts).
 *
 *   npm run bench -- sim [--servers 1000] [--hosts 500] [--runs 5] [--creates 2000]
 *                        [--tunnel-creates 400] [--concurrency 16] [--rounds 3]
 *   (--tunnel-creates 0 skips part 3, which starts a whole portal stack)
 *
 * Not a test: numbers depend on the machine.
 */
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import type { Bench } from './bench';
import { benchTunnelCreates } from './sim-tunnel';
import {
  registerCompute,
  type SimContext,
  openStore,
  imageStateOf,
  scheduleMany,
  type HostState,
  type RequestSpec,
} from '@yunguan/openstack-sim/bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const makeHosts = (n: number): HostState[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `host-${String(i).padStart(4, '0')}`,
    availabilityZone: `az-${(i % 3) + 1}`,
    enabled: i % 50 !== 0,
    up: true,
    vcpus: [16, 32, 48, 64][i % 4] ?? 16,
    vcpusUsed: 0,
    memoryMb: ([64, 128, 192, 256][i % 4] ?? 64) * 1024,
    memoryMbUsed: 0,
    localGb: [500, 1000, 1500, 2000][i % 4] ?? 500,
    localGbUsed: 0,
    aggregateMetadata: i % 5 === 0 ? [{ ssd: 'true' }] : [],
  }));

const spec: RequestSpec = {
  flavor: {
    name: 'm1.medium',
    vcpus: 2,
    memoryMb: 4096,
    rootGb: 40,
    ephemeralGb: 0,
    swapMb: 0,
    extraSpecs: {},
  },
};

const benchScheduler = (servers: number, hosts: number, runs: number) => {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const state = makeHosts(hosts);
    const start = performance.now();
    const result = scheduleMany(state, spec, servers);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`scheduler failed: ${result.reason}`);
    if (r === 0) console.log(`  distinct hosts used: ${new Set(result.hosts).size}`);
  }
  const ms = median(times);
  console.log(
    `scheduler: ${servers} servers on ${hosts} hosts in ${ms.toFixed(1)} ms (median of ${runs}) → ${Math.round((servers / ms) * 1000)} placements/s`,
  );
};

const benchApi = async (creates: number) => {
  const ctx: SimContext = {
    store: openStore(null),
    delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    now: () => new Date(),
    baseUrl: 'http://bench',
    dataDir: null,
    notify: () => undefined,
    recentNotifications: () => [],
    caller: () => ({
      projectId: 'bench',
      userId: 'bench',
      domainId: 'default',
      roles: ['admin'],
      isAdmin: true,
    }),
    later: (ms, fn) => void setTimeout(fn, ms),
  };
  const app = Fastify({ logger: false });
  registerCompute(app, ctx);
  await app.ready();
  imageStateOf(ctx.store.state).images.img = {
    id: 'img',
    name: 'bench',
    status: 'active',
    visibility: 'public',
    protected: false,
    os_hidden: false,
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    size: 0,
    virtual_size: null,
    disk_format: 'qcow2',
    container_format: 'bare',
    min_disk: 0,
    min_ram: 0,
    owner: 'bench',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    tags: [],
    properties: {},
  };
  const unlimited = { instances: -1, cores: -1, ram: -1 };
  await app.inject({
    method: 'PUT',
    url: '/compute/v2.1/os-quota-sets/bench',
    payload: { quota_set: unlimited },
  });
  // Only 8 seeded hosts: small flavors so they all fit (m1.tiny: 1 vCPU, 512 MB, 1 GB).
  const start = performance.now();
  for (let i = 0; i < creates; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/compute/v2.1/servers',
      payload: { server: { name: `b${i}`, imageRef: 'img', flavorRef: '1', networks: 'none' } },
    });
    if (res.statusCode !== 202) throw new Error(`create ${i}: ${res.statusCode} ${res.body}`);
  }
  const ms = performance.now() - start;
  console.log(
    `api: ${creates} POST /servers via app.inject in ${ms.toFixed(0)} ms → ${Math.round((creates / ms) * 1000)} creates/s`,
  );
  await app.close();
};

export const simBench: Bench = {
  name: 'sim',
  summary:
    'openstack-sim: scheduler placing 1,000 servers on 500 hosts; Nova creates/s in-process and through the tunnel',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        servers: { type: 'string', default: '1000' },
        hosts: { type: 'string', default: '500' },
        runs: { type: 'string', default: '5' },
        creates: { type: 'string', default: '2000' },
        'tunnel-creates': { type: 'string', default: '400' },
        concurrency: { type: 'string', default: '16' },
        rounds: { type: 'string', default: '3' },
      },
    });
    benchScheduler(Number(values.servers), Number(values.hosts), Number(values.runs));
    await benchApi(Number(values.creates));
    if (Number(values['tunnel-creates']) > 0)
      await benchTunnelCreates({
        creates: Number(values['tunnel-creates']),
        concurrency: Number(values.concurrency),
        rounds: Number(values.rounds),
      });
  },
};
