/**
 * Sequence numbers are taken when a transaction inserts and become visible when it commits, so a
 * reader can see seq 11 before seq 10 (ADR 0112). `advanceHead` delivers rows in seq order and
 * holds back behind a gap until the gap is older than `gapWaitMs`; then it skips it (a rolled-back
 * transaction never fills it) and reports the skipped range so that the caller can still pick up
 * a late commit for a while. Pure: the caller keeps the state.
 */
export type SeqRange = { from: bigint; to: bigint };

export type HeadState = {
  /** Every seq up to here was delivered or skipped. */
  head: bigint;
  /** When the current gap after `head` was first seen (ms), null without a gap. */
  gapSince: number | null;
};

export const advanceHead = <R extends { seq: bigint }>(
  state: HeadState,
  rows: readonly R[],
  now: number,
  gapWaitMs: number,
): { state: HeadState; deliver: R[]; skipped: SeqRange[]; blocked: boolean } => {
  let { head, gapSince } = state;
  const deliver: R[] = [];
  const skipped: SeqRange[] = [];
  for (const row of rows) {
    if (row.seq <= head) continue;
    if (row.seq !== head + 1n) {
      const since = gapSince ?? now;
      if (now - since < gapWaitMs) {
        return { state: { head, gapSince: since }, deliver, skipped, blocked: true };
      }
      skipped.push({ from: head + 1n, to: row.seq - 1n });
    }
    gapSince = null;
    head = row.seq;
    deliver.push(row);
  }
  return { state: { head, gapSince }, deliver, skipped, blocked: false };
};

/** `ranges` without the seqs in `found` (a range with a hole splits in two). */
export const withoutSeqs = <R extends SeqRange>(ranges: readonly R[], found: readonly bigint[]) => {
  const sorted = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: R[] = [];
  for (const range of ranges) {
    let from = range.from;
    for (const seq of sorted) {
      if (seq < from || seq > range.to) continue;
      if (seq > from) out.push({ ...range, from, to: seq - 1n });
      from = seq + 1n;
    }
    if (from <= range.to) out.push({ ...range, from });
  }
  return out;
};
