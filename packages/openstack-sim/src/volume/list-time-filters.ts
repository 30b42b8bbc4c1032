import { cinderError } from '../core/errors';

type Query = Record<string, string | string[] | undefined>;
type Comparison = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';

/** Query keys the time filters own (the generic exact-match filter leaves them alone). */
export const timeFilterKeys = new Set(['changes-since', 'created_at', 'updated_at']);

const comparisons: Record<Comparison, (left: number, right: number) => boolean> = {
  gt: (l, r) => l > r,
  gte: (l, r) => l >= r,
  lt: (l, r) => l < r,
  lte: (l, r) => l <= r,
  eq: (l, r) => l === r,
  neq: (l, r) => l !== r,
};

/** Cinder stores UTC without a zone suffix; a client may send either form. */
const instant = (value: string): number =>
  Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);

const parseTime = (key: string, value: string): number => {
  const at = /^\d{4}-\d{2}-\d{2}/.test(value) ? instant(value) : Number.NaN;
  if (Number.isNaN(at)) {
    throw cinderError(
      'badRequest',
      `Invalid input for field/attribute ${key}. Value: ${value}. '${value}' is not a 'date-time'`,
    );
  }
  return at;
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Time filters of a Cinder list: `changes-since=<ISO time>` keeps rows whose updated_at (or, never
 * updated, created_at) is at or after that time, as Nova's changes-since does; `created_at` and
 * `updated_at` take Cinder 3.60's `<op>:<ISO time>` (gt, gte, lt, lte, eq, neq; plain = eq).
 */
export const timeFilterOf = (query: Query) => {
  const checks: ((view: Record<string, unknown>) => boolean)[] = [];
  const since = single(query['changes-since']);
  if (since !== undefined) {
    const at = parseTime('changes-since', since);
    checks.push((view) => {
      const stamp = view.updated_at ?? view.created_at;
      return typeof stamp === 'string' && instant(stamp) >= at;
    });
  }
  for (const key of ['created_at', 'updated_at'] as const) {
    const raw = single(query[key]);
    if (raw === undefined) continue;
    const match = /^(gt|gte|lt|lte|eq|neq):(.*)$/.exec(raw);
    const op = (match?.[1] ?? 'eq') as Comparison;
    const at = parseTime(key, match?.[2] ?? raw);
    checks.push((view) => {
      const stamp = view[key];
      return typeof stamp === 'string' && comparisons[op](instant(stamp), at);
    });
  }
  return (view: Record<string, unknown>) => checks.every((check) => check(view));
};
