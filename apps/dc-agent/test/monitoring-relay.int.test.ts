import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, influxQuery, startInfluxd, type RunningInfluxd } from '@yunguan/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';

/**
 * The agent as telegraf's relay, against a real InfluxDB 1.6.7 (Debian's influxd) that the test
 * stops and starts again. Outage length: YG_INFLUX_OUTAGE_MS, 60 s unless set (the Must-show
 * figure; the relay's behaviour does not depend on it).
 */
const OUTAGE_MS = Number(process.env.YG_INFLUX_OUTAGE_MS ?? 60_000);
const DB = 'yunguan';

let dir: string;
let influxPort: number;
let influx: RunningInfluxd;
let agent: RunningAgent;
let base: string;

const count = async (q: string): Promise<number> => {
  const [result] = (await influxQuery(influx.url, q, DB)).results;
  return Number(result?.series?.[0]?.values[0]?.[1] ?? 0);
};

const write = (query: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${base}/write?${query}`, { method: 'POST', body, headers });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yg-relay-'));
  influxPort = await freePort();
  influx = await startInfluxd({ dataDir: join(dir, 'influx'), port: influxPort });
  agent = await startAgent({
    dataDir: join(dir, 'agent'),
    log: createLogger('silent'),
    stack: 'sim',
    localListen: { host: '127.0.0.1', port: 0 },
    influxUrl: influx.url,
    monitoring: { replayIntervalMs: 200, collectIntervalMs: 500, healthCheckIntervalMs: 500 },
    sim: { metricsIntervalMs: 1000, metricsBackfill: false },
  });
  base = `http://127.0.0.1:${agent.localPort}`;
}, 60_000);
afterAll(async () => {
  await agent?.stop();
  await influx?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the agent as InfluxDB relay', () => {
  it('creates the database, the raw and m5 retention policies and the downsampling query', async () => {
    const [rps] = (await influxQuery(influx.url, `SHOW RETENTION POLICIES ON ${DB}`)).results;
    const rows = rps?.series?.[0]?.values ?? [];
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual(
      expect.arrayContaining([
        ['raw', '168h0m0s', true],
        ['m5', '2160h0m0s', false],
      ]),
    );
    const [cqs] = (await influxQuery(influx.url, 'SHOW CONTINUOUS QUERIES')).results;
    const ours = cqs?.series?.find((s) => s.name === DB)?.values ?? [];
    expect(ours.map((r) => r[0])).toContain('cq_m5');
  });

  it('accepts telegraf-style gzip writes with a precision and stores every point', async () => {
    const t = Math.floor(Date.now() / 1000);
    const body = [
      `gz_probe,host=a\\ b,cpu=cpu-total usage_idle=97.5,note="x, \\"y\\" z" ${t}`,
      `gz_probe,host=c count=3i,ok=true ${t}`,
    ].join('\n');
    const res = await write('db=yunguan&precision=s', gzipSync(body), {
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(204);
    expect(await count('SELECT count(usage_idle) FROM gz_probe')).toBe(1);
    const [r] = (await influxQuery(influx.url, "SELECT note FROM gz_probe WHERE host = 'a b'", DB))
      .results;
    expect(r?.series?.[0]?.values[0]?.[1]).toBe('x, "y" z');
    expect(await count('SELECT count("count") FROM gz_probe')).toBe(1);
  });

  it("answers a bad line with 400 and InfluxDB's JSON error, keeping nothing of the batch", async () => {
    const res = await write('db=yunguan', 'bad_probe v=1 1\nbad_probe,host=x v=oops 2\n');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^unable to parse 'bad_probe,host=x v=oops 2': invalid number/);
    expect(await count('SELECT count(v) FROM bad_probe')).toBe(0);
  });

  it('refuses an unknown database (404), a missing one and an unknown precision (400)', async () => {
    expect((await write('db=nope', 'x v=1')).status).toBe(404);
    expect((await write('', 'x v=1')).status).toBe(400);
    const res = await write('db=yunguan&precision=fortnight', 'x v=1');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('invalid precision');
  });

  it("writes the host metrics, health checks and the simulator's series", async () => {
    await agent.monitoring()!.collectNow();
    await agent.simMetrics()!.writeNow();
    expect(await count("SELECT count(usage_idle) FROM cpu WHERE role = 'agent'")).toBeGreaterThan(
      0,
    );
    expect(
      await count("SELECT count(usage_idle) FROM cpu WHERE role = 'hypervisor'"),
    ).toBeGreaterThan(0);
    expect(await count('SELECT count(ok) FROM health_check')).toBeGreaterThan(0);
    expect(await count('SELECT count(up) FROM nic')).toBeGreaterThan(0);
    expect(await count('SELECT count(status_code) FROM ceph_health')).toBeGreaterThan(0);
    expect(await count('SELECT count(bytes_used) FROM ceph_pool_usage')).toBeGreaterThan(0);
  });

  it('forces a spike through the local listener and refuses a malformed one', async () => {
    const bad = await fetch(`${base}/agent/sim/spikes`, {
      method: 'POST',
      body: JSON.stringify({ resource: 'x', metric: 'temperature', value: 95, minutes: 1 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'metric',
    );
    const [h] = (
      await influxQuery(
        influx.url,
        "SHOW TAG VALUES FROM cpu WITH KEY = host WHERE role = 'hypervisor'",
        DB,
      )
    ).results;
    const host = String(h?.series?.[0]?.values[0]?.[1]);
    const res = await fetch(`${base}/agent/sim/spikes`, {
      method: 'POST',
      body: JSON.stringify({ resource: host, metric: 'cpu', value: 95, minutes: 5 }),
    });
    expect(res.status).toBe(201);
    const [last] = (
      await influxQuery(influx.url, `SELECT last(usage_idle) FROM cpu WHERE host = '${host}'`, DB)
    ).results;
    expect(Number(last?.series?.[0]?.values[0]?.[1])).toBeCloseTo(5, 5);
  });

  it(
    `loses no point and duplicates none when InfluxDB is stopped for ${OUTAGE_MS / 1000} s while points are relayed`,
    async () => {
      let sent = 0;
      let ns = BigInt(Date.now()) * 1_000_000n;
      let writing = true;
      const failures: string[] = [];
      const writer = (async () => {
        while (writing) {
          const lines: string[] = [];
          for (let i = 0; i < 50; i++)
            lines.push(`outage_probe,writer=w v=${sent + i}i ${(ns += 1000n)}`);
          const res = await write('db=yunguan', lines.join('\n'));
          if (res.status === 204) sent += lines.length;
          else failures.push(`${res.status} ${await res.text()}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, 1500));
      await influx.stop();
      const stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      const spooled = agent.monitoring()!.status();
      expect(spooled.influx).toBe('down');
      expect(spooled.spool.points).toBeGreaterThan(0);
      influx = await startInfluxd({ dataDir: join(dir, 'influx'), port: influxPort });
      const outage = Date.now() - stoppedAt;
      await new Promise((r) => setTimeout(r, 1500));
      writing = false;
      await writer;
      const deadline = Date.now() + 60_000;
      while (agent.monitoring()!.status().spool.points > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(failures).toEqual([]);
      expect(outage).toBeGreaterThanOrEqual(OUTAGE_MS);
      expect(agent.monitoring()!.status().spool).toMatchObject({ points: 0, batches: 0 });
      expect(await count('SELECT count(v) FROM outage_probe')).toBe(sent);
      expect(sent).toBeGreaterThan(1000);
    },
    OUTAGE_MS + 120_000,
  );
});
