import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { agentVersion } from '../version';
import { InfluxRejected } from './influx-writer';
import {
  LineProtocolError,
  parseLineProtocol,
  stampFor,
  writePrecisions,
} from './parse-line-protocol';
import type { Relay } from './relay';
import { DOWNSAMPLED_RP, RAW_RP } from './setup-database';
import { SpoolFull } from './spool';

const gunzipAsync = promisify(gunzip);
/** InfluxDB's own default for `max-body-size`. */
const maxBodyBytes = 25_000_000;

/** InfluxDB-style error: `{"error": "…"}` with InfluxDB's status for the same mistake. */
const fail = (res: ServerResponse, status: number, error: string) => {
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-influxdb-error': error.slice(0, 200).replace(/[^\x20-\x7e]/g, '?'),
  });
  res.end(body);
};

const readBody = (req: IncomingMessage): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** `GET|HEAD /ping` on the local listener, as InfluxDB answers it (telegraf may check it). */
export const servePing = (res: ServerResponse) => {
  res.writeHead(204, { 'x-influxdb-version': `yunguan-agent-${agentVersion}` });
  res.end();
};

/**
 * `POST /write?db=…&precision=…&rp=…` exactly as telegraf's `outputs.influxdb` posts it (body
 * optionally gzip): every line is checked, then the batch is relayed (or spooled) and the sender
 * gets 204; a bad line answers 400 with InfluxDB's JSON error and nothing of the batch is kept.
 */
export const serveWrite = async (req: IncomingMessage, res: ServerResponse, relay: Relay) => {
  if (req.method !== 'POST') return fail(res, 405, 'method not allowed: POST line protocol');
  const query = new URL(req.url ?? '/', 'http://agent').searchParams;
  const db = query.get('db');
  if (!db) return fail(res, 400, 'database is required');
  if (db !== relay.database) return fail(res, 404, `database not found: "${db}"`);
  const rp = query.get('rp') || null;
  if (rp !== null && rp !== RAW_RP && rp !== DOWNSAMPLED_RP)
    return fail(res, 400, `retention policy not found: ${rp}`);
  const precision = query.get('precision') || 'ns';
  if (!writePrecisions.includes(precision))
    return fail(
      res,
      400,
      `invalid precision ${precision}: use one of ${writePrecisions.join(', ')}`,
    );
  let raw = await readBody(req);
  if (raw === null) return fail(res, 413, `request entity too large: over ${maxBodyBytes} bytes`);
  if (/gzip/i.test(req.headers['content-encoding'] ?? '')) {
    try {
      raw = await gunzipAsync(raw);
    } catch {
      return fail(res, 400, 'body is not valid gzip');
    }
  }
  let batch;
  try {
    batch = parseLineProtocol(raw.toString('utf8'), stampFor(precision));
  } catch (error) {
    if (error instanceof LineProtocolError) return fail(res, 400, error.message);
    throw error;
  }
  if (batch.points === 0) {
    res.writeHead(204).end();
    return;
  }
  try {
    await relay.submit({ target: { db, rp, precision }, body: batch.body, points: batch.points });
  } catch (error) {
    if (error instanceof InfluxRejected) {
      res.writeHead(error.status, { 'content-type': 'application/json' });
      res.end(error.body || JSON.stringify({ error: error.message }));
      return;
    }
    // The sender (telegraf) keeps its buffer and retries on 5xx: full spool loses nothing.
    if (error instanceof SpoolFull) return fail(res, 503, error.message);
    throw error;
  }
  res.writeHead(204).end();
};
