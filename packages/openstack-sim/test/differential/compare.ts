import { diffShapes } from './shape';
import type { Observation } from './recorder';

export type Difference = { op: string; mv: string; what: string };

/** A difference real Zed shows for a reason outside the simulator's control, and why. */
export type KnownDifference = {
  op: string;
  /** Microversions it applies to; every one when absent. */
  mv?: string[];
  /** Matches the difference's text (`status sim 202 zed 400`, `field volume.x: …`). */
  what: RegExp;
  reason: string;
};

export type Comparison = {
  /** op @ mv keys recorded on both clouds. */
  compared: string[];
  operations: Set<string>;
  microversions: Set<string>;
  differences: Difference[];
};

const is2xx = (s: number) => s >= 200 && s < 300;

/** Status codes, then (when both answered alike) body schemas, of every recorded operation. */
export const compareObservations = (
  sim: ReadonlyMap<string, Observation>,
  zed: ReadonlyMap<string, Observation>,
): Comparison => {
  const out: Comparison = {
    compared: [],
    operations: new Set(),
    microversions: new Set(),
    differences: [],
  };
  for (const key of new Set([...sim.keys(), ...zed.keys()])) {
    const a = sim.get(key);
    const b = zed.get(key);
    const some = (a ?? b) as Observation;
    if (a === undefined || b === undefined) {
      out.differences.push({ op: some.op, mv: some.mv, what: `only on ${a ? 'sim' : 'zed'}` });
      continue;
    }
    out.compared.push(key);
    out.operations.add(a.op);
    if (a.mv !== '-') out.microversions.add(`${a.op.split('.')[0] ?? ''} ${a.mv}`);
    if (a.status !== b.status) {
      out.differences.push({ op: a.op, mv: a.mv, what: `status sim ${a.status} zed ${b.status}` });
      if (is2xx(a.status) !== is2xx(b.status)) continue;
    }
    if (a.shape === null || b.shape === null) {
      if ((a.shape === null) !== (b.shape === null))
        out.differences.push({
          op: a.op,
          mv: a.mv,
          what: `body sim ${a.shape ? 'json' : 'none'} zed ${b.shape ? 'json' : 'none'}`,
        });
      continue;
    }
    for (const d of diffShapes(a.shape, b.shape))
      out.differences.push({
        op: a.op,
        mv: a.mv,
        what: `field ${d.path}: sim ${d.sim} zed ${d.zed}`,
      });
  }
  return out;
};

export const explains = (k: KnownDifference, d: Difference) =>
  k.op === d.op && (k.mv === undefined || k.mv.includes(d.mv)) && k.what.test(d.what);
