import { z } from 'zod';

/** Retention policy names the portal's read path relies on (ADR 0118). */
export const RAW_RP = 'raw';
export const DOWNSAMPLED_RP = 'm5';
export const DOWNSAMPLE_CQ = 'cq_m5';

const queryAnswer = z.object({
  results: z.array(
    z.object({
      error: z.string().optional(),
      series: z
        .array(
          z.object({
            name: z.string().optional(),
            columns: z.array(z.string()),
            values: z.array(z.array(z.unknown())).default([]),
          }),
        )
        .optional(),
    }),
  ),
});

const quote = (identifier: string) => `"${identifier.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** POST one InfluxQL statement to /query; throws on an HTTP or statement error. */
export const runInfluxQl = async (url: string, q: string, db?: string) => {
  const body = new URLSearchParams({ q, ...(db ? { db } : {}) });
  const res = await fetch(`${url}/query`, {
    method: 'POST',
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const answer = queryAnswer.parse(await res.json());
  const error = answer.results.find((r) => r.error)?.error;
  if (!res.ok || error) throw new Error(`InfluxQL ${q.slice(0, 80)}: ${error ?? res.status}`);
  return answer.results;
};

/**
 * Create (or bring up to date) the database, its two retention policies — `raw` (default, the
 * points as written) and `m5` (5-minute means) — and the continuous query that fills `m5`.
 * InfluxDB 1.x only: 2.x and 3.x keep retention in buckets and have no continuous queries.
 */
export const setupDatabase = async (
  url: string,
  opts: { database: string; rawRetention: string; downsampledRetention: string },
): Promise<void> => {
  const db = quote(opts.database);
  await runInfluxQl(url, `CREATE DATABASE ${db}`);
  const [rps] = await runInfluxQl(url, `SHOW RETENTION POLICIES ON ${db}`);
  const existing = new Set((rps?.series?.[0]?.values ?? []).map((row) => String(row[0])));
  const ensureRp = async (name: string, duration: string, isDefault: boolean) => {
    const verb = existing.has(name) ? 'ALTER' : 'CREATE';
    await runInfluxQl(
      url,
      `${verb} RETENTION POLICY ${quote(name)} ON ${db} DURATION ${duration} REPLICATION 1${isDefault ? ' DEFAULT' : ''}`,
    );
  };
  await ensureRp(RAW_RP, opts.rawRetention, true);
  await ensureRp(DOWNSAMPLED_RP, opts.downsampledRetention, false);
  const [cqs] = await runInfluxQl(url, 'SHOW CONTINUOUS QUERIES');
  const ours = (cqs?.series ?? [])
    .filter((s) => s.name === opts.database)
    .flatMap((s) => s.values.map((row) => String(row[0])));
  if (!ours.includes(DOWNSAMPLE_CQ)) {
    await runInfluxQl(
      url,
      `CREATE CONTINUOUS QUERY ${quote(DOWNSAMPLE_CQ)} ON ${db} RESAMPLE FOR 15m BEGIN ${downsampleSelect(opts.database)} GROUP BY time(5m), * END`,
    );
  }
};

/** The continuous query's SELECT (also run by hand over a replayed spool's time range). */
export const downsampleSelect = (database: string) =>
  `SELECT mean(*) INTO ${quote(database)}.${quote(DOWNSAMPLED_RP)}.:MEASUREMENT FROM ${quote(database)}.${quote(RAW_RP)}./.*/`;

/**
 * Points replayed from the spool arrive after their 5-minute windows were downsampled: compute
 * those windows again (InfluxDB overwrites the same m5 points).
 */
export const downsampleSince = async (url: string, database: string, since: Date) => {
  const from = new Date(Math.floor(since.getTime() / 300_000) * 300_000).toISOString();
  await runInfluxQl(
    url,
    `${downsampleSelect(database)} WHERE time >= '${from}' AND time < now() GROUP BY time(5m), *`,
    database,
  );
};

/** Ceph's newest health status in the last 5 minutes, or null when nothing reports Ceph. */
export const readCephHealth = async (url: string, database: string): Promise<string | null> => {
  const [result] = await runInfluxQl(
    url,
    `SELECT last("status") FROM ${quote(database)}.${quote(RAW_RP)}."ceph_health" WHERE time > now() - 5m`,
    database,
  );
  const value = result?.series?.[0]?.values[0]?.[1];
  return typeof value === 'string' ? value : null;
};
