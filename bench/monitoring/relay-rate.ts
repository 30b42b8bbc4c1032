/**
 * Relay throughput: the same line-protocol batches POSTed to the agent's /write (checked,
 * relayed to InfluxDB, 204 after InfluxDB's own 204) and straight to InfluxDB's /write, rounds
 * alternating, `concurrency` batches in flight. Points per second of each, median of the rounds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger, startAgent } from '@yunguan/dc-agent';
import { freePort, startInfluxd } from '@yunguan/testing';
import { median } from './stats';

const batchOf = (run: string, batch: number, size: number, t0: number) => {
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    const n = batch * size + i;
    lines.push(
      `bench_relay,run=${run},host=h${n % 50},cpu=cpu${n % 8} usage_user=${(n % 97) + 0.5},usage_system=${n % 13}i ${t0 + n}`,
    );
  }
  return lines.join('\n');
};

const pointsPerSecond = async (
  url: string,
  run: string,
  opts: { batches: number; batchSize: number; concurrency: number },
) => {
  const t0 = Date.now() - 3_600_000;
  const bodies = Array.from({ length: opts.batches }, (_, b) =>
    batchOf(run, b, opts.batchSize, t0),
  );
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    for (let b = next++; b < bodies.length; b = next++) {
      const res = await fetch(`${url}/write?db=yunguan&precision=ms`, {
        method: 'POST',
        body: bodies[b],
      });
      if (res.status !== 204) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return (opts.batches * opts.batchSize * 1000) / (performance.now() - start);
};

export const benchRelay = async (opts: {
  batches: number;
  batchSize: number;
  concurrency: number;
  rounds: number;
}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yg-bench-relay-'));
  const influx = await startInfluxd({ dataDir: path.join(dir, 'influx'), port: await freePort() });
  const agent = await startAgent({
    dataDir: path.join(dir, 'agent'),
    log: createLogger('warn'),
    stack: 'sim',
    localListen: { host: '127.0.0.1', port: 0 },
    influxUrl: influx.url,
    sim: { metricsIntervalMs: 3_600_000, metricsBackfill: false },
  });
  try {
    const agentUrl = `http://127.0.0.1:${agent.localPort}`;
    await pointsPerSecond(agentUrl, 'warm', { ...opts, batches: 4 });
    const rates = { agent: [] as number[], direct: [] as number[] };
    for (let r = 0; r < opts.rounds; r++) {
      rates.direct.push(await pointsPerSecond(influx.url, `d${r}`, opts));
      rates.agent.push(await pointsPerSecond(agentUrl, `a${r}`, opts));
    }
    const agentRate = median(rates.agent);
    const directRate = median(rates.direct);
    console.log(
      `relay: ${opts.rounds} rounds of ${opts.batches} × ${opts.batchSize} points, ${opts.concurrency} in flight`,
    );
    console.log(
      `  straight to InfluxDB ${Math.round(directRate)} points/s (rounds: ${rates.direct.map(Math.round).join(', ')})`,
    );
    console.log(
      `  through the agent    ${Math.round(agentRate)} points/s (rounds: ${rates.agent.map(Math.round).join(', ')})`,
    );
    console.log(`  agent / direct       ${(agentRate / directRate).toFixed(2)}`);
  } finally {
    await agent.stop();
    await influx.stop();
    await rm(dir, { recursive: true, force: true });
  }
};
