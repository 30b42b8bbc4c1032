import { InfluxDB } from '@influxdata/influxdb-client';
import { z } from 'zod';

/** Which write API the datacenter's InfluxDB speaks, detected from its `/ping` answer. */
export type WriteApi = 'v1' | 'v2';

export type WriteTarget = { db: string; rp: string | null; precision: string };

/** A write that InfluxDB refused for its content (4xx): relaying it again cannot help. */
export class InfluxRejected extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`InfluxDB refused the write: ${status} ${body.slice(0, 300)}`);
  }
}

/** InfluxDB could not be reached or failed (network error, timeout, 5xx): spool and retry. */
export class InfluxUnavailable extends Error {}

/**
 * `X-Influxdb-Version` from /ping: 1.8 and later (and 2.x, 3.x) accept `/api/v2/write`, which
 * @influxdata/influxdb-client speaks; 1.7 and older (Debian's 1.6.7) only `/write`.
 */
export const writeApiFor = (version: string | null): WriteApi => {
  const match = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return 'v1';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 1 || (major === 1 && minor >= 8) ? 'v2' : 'v1';
};

export const detectWriteApi = async (
  url: string,
  timeoutMs = 3000,
): Promise<{ api: WriteApi; version: string | null }> => {
  let res: Response;
  try {
    res = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new InfluxUnavailable(`InfluxDB at ${url} does not answer: ${(error as Error).message}`);
  }
  await res.body?.cancel();
  if (res.status >= 500) throw new InfluxUnavailable(`InfluxDB /ping answered ${res.status}`);
  const version = res.headers.get('x-influxdb-version');
  return { api: writeApiFor(version), version };
};

const v2Precisions = z.enum(['ns', 'us', 'ms', 's']);
const v2PrecisionOf = (p: string) => {
  const parsed = v2Precisions.safeParse(p === 'n' ? 'ns' : p === 'u' ? 'us' : p);
  if (!parsed.success)
    throw new InfluxRejected(400, `{"error":"precision ${p} is not accepted by /api/v2/write"}`);
  return parsed.data;
};

/** Write one checked batch (one point per line, every point timestamped) to InfluxDB. */
export const writeBatch = async (
  server: { url: string; api: WriteApi; token?: string },
  target: WriteTarget,
  body: string,
  timeoutMs = 10_000,
): Promise<void> => {
  if (server.api === 'v2') return writeV2(server, target, body, timeoutMs);
  const query = new URLSearchParams({ db: target.db, precision: target.precision });
  if (target.rp) query.set('rp', target.rp);
  let res: Response;
  try {
    res = await fetch(`${server.url}/write?${query.toString()}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new InfluxUnavailable(`InfluxDB write failed: ${(error as Error).message}`);
  }
  const text = await res.text();
  if (res.status === 204 || res.status === 200) return;
  if (res.status >= 400 && res.status < 500) throw new InfluxRejected(res.status, text);
  throw new InfluxUnavailable(`InfluxDB write answered ${res.status}: ${text.slice(0, 200)}`);
};

/** 1.8+/2.x/3.x: the official client; bucket `db/rp` is how 1.8 and 2.x's DBRP mapping name it. */
const writeV2 = async (
  server: { url: string; token?: string },
  target: WriteTarget,
  body: string,
  timeoutMs: number,
) => {
  const client = new InfluxDB({ url: server.url, token: server.token ?? '', timeout: timeoutMs });
  const api = client.getWriteApi(
    '-',
    target.rp ? `${target.db}/${target.rp}` : target.db,
    v2PrecisionOf(target.precision),
    // The agent's spool does the retrying, in order; the client must not reorder or drop.
    { maxRetries: 0, batchSize: Number.MAX_SAFE_INTEGER, flushInterval: 0 },
  );
  api.writeRecords(body.split('\n'));
  try {
    await api.close();
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500)
      throw new InfluxRejected(status, (error as Error).message);
    throw new InfluxUnavailable(`InfluxDB v2 write failed: ${(error as Error).message}`);
  }
};
