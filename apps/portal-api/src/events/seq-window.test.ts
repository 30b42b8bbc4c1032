import { describe, expect, test } from 'vitest';
import { advanceHead, withoutSeqs } from './seq-window';

const rows = (...seqs: number[]) => seqs.map((s) => ({ seq: BigInt(s) }));

describe('advanceHead', () => {
  test('delivers contiguous rows in order and moves the head', () => {
    const r = advanceHead({ head: 3n, gapSince: null }, rows(4, 5, 6), 1_000, 2_000);
    expect(r.deliver.map((x) => x.seq)).toEqual([4n, 5n, 6n]);
    expect(r.state).toEqual({ head: 6n, gapSince: null });
    expect(r.blocked).toBe(false);
  });

  test('holds back behind a fresh gap, remembering when it was first seen', () => {
    const r = advanceHead({ head: 3n, gapSince: null }, rows(4, 6, 7), 1_000, 2_000);
    expect(r.deliver.map((x) => x.seq)).toEqual([4n]);
    expect(r.state).toEqual({ head: 4n, gapSince: 1_000 });
    expect(r.blocked).toBe(true);
    const later = advanceHead(r.state, rows(6, 7), 2_500, 2_000);
    expect(later.deliver).toEqual([]);
    expect(later.state.gapSince).toBe(1_000);
  });

  test('skips a gap older than the wait and reports the range', () => {
    const r = advanceHead({ head: 4n, gapSince: 1_000 }, rows(8, 9), 3_000, 2_000);
    expect(r.deliver.map((x) => x.seq)).toEqual([8n, 9n]);
    expect(r.skipped).toEqual([{ from: 5n, to: 7n }]);
    expect(r.state).toEqual({ head: 9n, gapSince: null });
  });

  test('a filled gap is delivered in order', () => {
    const held = advanceHead({ head: 4n, gapSince: null }, rows(6), 1_000, 2_000);
    const filled = advanceHead(held.state, rows(5, 6), 1_100, 2_000);
    expect(filled.deliver.map((x) => x.seq)).toEqual([5n, 6n]);
    expect(filled.state).toEqual({ head: 6n, gapSince: null });
  });
});

describe('withoutSeqs', () => {
  test('drops found seqs, splitting ranges', () => {
    expect(
      withoutSeqs(
        [
          { from: 5n, to: 9n },
          { from: 20n, to: 20n },
        ],
        [7n, 20n, 5n],
      ),
    ).toEqual([
      { from: 6n, to: 6n },
      { from: 8n, to: 9n },
    ]);
  });
});
