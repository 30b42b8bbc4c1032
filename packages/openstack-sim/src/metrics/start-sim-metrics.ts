import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SimContext } from '../core/sim-context';
import { readInventory } from './inventory';
import { seriesLines } from './series-lines';
import { createSpikes, type Spikes } from './spikes';

export type SimMetrics = {
  spikes: Spikes;
  /** Write one sample of every series now. */
  writeNow: () => Promise<number>;
  stop: () => Promise<void>;
};

const BATCH = 5_000;

/**
 * The simulator's telegraf: every `intervalMs` it writes all its series (series-lines.ts) to
 * `writeUrl` — the agent's `/write` listener, as telegraf's outputs.influxdb would (gzip, ms
 * precision). On the first start (no `<dataDir>/metrics-backfilled`) it first writes history:
 * 24 h of raw points a minute apart and 30 days of 5-minute-mean points 30 minutes apart, so
 * every chart range has data at once.
 */
export const startSimMetrics = async (opts: {
  ctx: SimContext;
  /** e.g. http://127.0.0.1:5000/write?db=yunguan */
  writeUrl: string;
  intervalMs: number;
  backfill: boolean;
  onError: (error: Error) => void;
}): Promise<SimMetrics> => {
  const { ctx } = opts;
  const spikes = createSpikes();
  const bootMs = Date.now() - 40 * 86_400_000;
  const post = async (lines: string[], rp?: string) => {
    for (let i = 0; i < lines.length; i += BATCH) {
      const url = new URL(opts.writeUrl);
      url.searchParams.set('precision', 'ms');
      if (rp) url.searchParams.set('rp', rp);
      const res = await fetch(url, {
        method: 'POST',
        body: lines.slice(i, i + BATCH).join('\n'),
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(60_000),
      });
      if (res.status !== 204)
        throw new Error(`metrics write answered ${res.status}: ${await res.text()}`);
    }
  };
  const writeNow = async () => {
    const lines = seriesLines(readInventory(ctx), Date.now(), spikes, bootMs);
    await post(lines);
    return lines.length;
  };
  const marker = ctx.dataDir ? path.join(ctx.dataDir, 'metrics-backfilled') : null;
  if (opts.backfill && marker && !existsSync(marker)) {
    const inv = readInventory(ctx);
    const now = Date.now();
    const raw: string[] = [];
    for (let t = now - 86_400_000; t < now; t += 60_000)
      raw.push(...seriesLines(inv, t, spikes, bootMs));
    await post(raw);
    const means: string[] = [];
    const step = 30 * 60_000;
    for (let t = Math.floor((now - 30 * 86_400_000) / step) * step; t < now - 3_600_000; t += step)
      means.push(...seriesLines(inv, t, spikes, bootMs, true));
    await post(means, 'm5');
    await writeFile(marker, new Date(now).toISOString());
  }
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = writeNow()
        .catch((error: unknown) => opts.onError(error as Error))
        .finally(tick);
    }, opts.intervalMs);
  };
  running = writeNow().catch((error: unknown) => opts.onError(error as Error));
  tick();
  return {
    spikes,
    writeNow,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
};
