import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSpool, SpoolFull, type SpoolRecord } from './spool';

const rec = (i: number): SpoolRecord => ({
  target: { db: 'yunguan', rp: null, precision: 'ms' },
  body: `p v=${i}i ${i}`,
  points: 1,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yg-spool-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the relay spool (real files)', () => {
  it('replays in order across segments and removes what it sent', async () => {
    const spool = await openSpool({ dir, maxBytes: 1_000_000, segmentBytes: 100 });
    for (let i = 0; i < 20; i++) await spool.append(rec(i));
    expect(spool.stats().points).toBe(20);
    expect((await readdir(dir)).filter((n) => n.endsWith('.seg')).length).toBeGreaterThan(1);
    const seen: string[] = [];
    expect(await spool.drain((r) => Promise.resolve(void seen.push(r.body)))).toBe(20);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => rec(i).body));
    expect(spool.isEmpty()).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('after a crash mid-replay, resumes after the last acknowledged batch', async () => {
    const first = await openSpool({ dir, maxBytes: 1_000_000, segmentBytes: 100 });
    for (let i = 0; i < 10; i++) await first.append(rec(i));
    let n = 0;
    await expect(
      first.drain(() =>
        ++n > 4 ? Promise.reject(new Error('InfluxDB went away')) : Promise.resolve(),
      ),
    ).rejects.toThrow('went away');
    // "Crash": open the same directory again, as a restarted agent does.
    const second = await openSpool({ dir, maxBytes: 1_000_000, segmentBytes: 100 });
    expect(second.stats().points).toBe(6);
    const seen: string[] = [];
    await second.drain((r) => Promise.resolve(void seen.push(r.body)));
    expect(seen).toEqual([4, 5, 6, 7, 8, 9].map((i) => rec(i).body));
  });

  it('cuts off a record torn by a crash mid-append (never acknowledged)', async () => {
    const spool = await openSpool({ dir, maxBytes: 1_000_000 });
    await spool.append(rec(1));
    const [segment] = (await readdir(dir)).filter((n) => n.endsWith('.seg'));
    await appendFile(
      join(dir, segment!),
      '{"db":"yunguan","rp":null,"precision":"ms","points":1,"bytes":50}\np v=',
    );
    const reopened = await openSpool({ dir, maxBytes: 1_000_000 });
    expect(reopened.stats().points).toBe(1);
    await reopened.append(rec(2));
    const seen: string[] = [];
    await reopened.drain((r) => Promise.resolve(void seen.push(r.body)));
    expect(seen).toEqual([rec(1).body, rec(2).body]);
  });

  it('refuses appends beyond its size bound', async () => {
    const spool = await openSpool({ dir, maxBytes: 150 });
    await spool.append(rec(1));
    await expect(async () => {
      for (let i = 0; i < 10; i++) await spool.append(rec(i));
    }).rejects.toThrow(SpoolFull);
  });
});
