/**
 * Deterministic daily rhythm and noise for simulated series: the same series at the same time
 * always has the same value, so a restart, a backfill and a live write agree, and counters are
 * exact integrals of their rates (never decreasing, so `non_negative_derivative` gives the rate).
 */
const DAY_MS = 86_400_000;
/** Busiest at 14:00 China Standard Time (UTC+8). */
const PEAK_UTC_MS = 6 * 3_600_000;

/** 32-bit FNV-1a of a string, as a number in [0, 1). */
export const hash01 = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4_294_967_296;
};

/** -1 … 1 over the day, +1 at the daily peak (shifted per series by up to ±2 h). */
export const dayWave = (seed: string, tMs: number): number => {
  const shift = (hash01(`${seed}/phase`) - 0.5) * 4 * 3_600_000;
  return Math.cos((2 * Math.PI * (tMs - PEAK_UTC_MS - shift)) / DAY_MS);
};

/** Noise in -1 … 1, constant within each `stepMs` bucket. */
export const noise = (seed: string, tMs: number, stepMs = 10_000): number =>
  hash01(`${seed}@${Math.floor(tMs / stepMs)}`) * 2 - 1;

/** A gauge between `min` and `max`: base ± daily swing ± noise, clamped. */
export const gauge = (
  seed: string,
  tMs: number,
  shape: { base: number; swing: number; jitter: number; min?: number; max?: number },
): number => {
  const v = shape.base + shape.swing * dayWave(seed, tMs) + shape.jitter * noise(seed, tMs);
  return Math.min(shape.max ?? Infinity, Math.max(shape.min ?? 0, v));
};

/**
 * A counter whose rate is `meanRate` per second × (1 + 0.5·day wave + 0.3·a 17-minute wave +
 * 0.1·a 3-minute wave): always positive, so the counter only grows. Exact integral from 0.
 */
export const counter = (seed: string, tMs: number, meanRate: number): number => {
  const waves: [number, number][] = [
    [0.5, DAY_MS],
    [0.3, 17 * 60_000 * (0.8 + 0.4 * hash01(`${seed}/p1`))],
    [0.1, 3 * 60_000 * (0.8 + 0.4 * hash01(`${seed}/p2`))],
  ];
  const shift = hash01(`${seed}/phase`) * DAY_MS;
  let integral = tMs / 1000;
  for (const [amp, period] of waves) {
    const w = (2 * Math.PI) / period;
    integral += (amp * (Math.sin(w * (tMs - shift)) - Math.sin(w * -shift))) / w / 1000;
  }
  return Math.floor(meanRate * integral);
};
