import { mkdir, open, readdir, readFile, rename, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { WriteTarget } from './influx-writer';

/**
 * The relay's disk spool while InfluxDB is away: append-only segment files
 * (`<dir>/000000000001.seg`, …), each a run of records `<JSON header>\n<line protocol>\n`, and a
 * cursor file naming how far replay got. Appends are fsynced before the sender gets its 204;
 * replay reads oldest first and moves the cursor after every batch InfluxDB acknowledged. A
 * crash between an acknowledgement and the cursor write sends that one batch again, which stores
 * nothing twice because every spooled point carries its timestamp (parse-line-protocol.ts). A
 * record torn by a crash mid-append was never acknowledged; it is cut off at start.
 */
export type SpoolRecord = { target: WriteTarget; body: string; points: number };

export class SpoolFull extends Error {}

export type Spool = {
  append: (record: SpoolRecord) => Promise<void>;
  isEmpty: () => boolean;
  stats: () => { bytes: number; points: number; batches: number; maxBytes: number };
  /** Send records oldest first until the spool is empty or `send` throws (then it rethrows). */
  drain: (send: (record: SpoolRecord) => Promise<void>) => Promise<number>;
};

const header = z.object({
  db: z.string(),
  rp: z.string().nullable(),
  precision: z.string(),
  points: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
const cursorSchema = z.object({ segment: z.number().int(), offset: z.number().int() });

const segmentName = (seq: number) => `${String(seq).padStart(12, '0')}.seg`;
const seqOf = (name: string) => Number(name.slice(0, 12));

type Decoded = { record: SpoolRecord; end: number; size: number };

/** Records of `buf` from `offset`; stops before a torn (incomplete) record. */
const decode = (buf: Buffer, offset: number): { records: Decoded[]; end: number } => {
  const records: Decoded[] = [];
  let at = offset;
  while (at < buf.length) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const parsed = header.safeParse(safeJson(buf.subarray(at, nl).toString('utf8')));
    if (!parsed.success) break;
    const end = nl + 1 + parsed.data.bytes + 1;
    if (end > buf.length) break;
    const { db, rp, precision, points } = parsed.data;
    records.push({
      record: {
        target: { db, rp, precision },
        body: buf.subarray(nl + 1, nl + 1 + parsed.data.bytes).toString('utf8'),
        points,
      },
      end,
      size: end - at,
    });
    at = end;
  }
  return { records, end: at };
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export const openSpool = async (opts: {
  dir: string;
  maxBytes: number;
  segmentBytes?: number;
}): Promise<Spool> => {
  const { dir, maxBytes } = opts;
  const segmentBytes = opts.segmentBytes ?? 8 * 1024 * 1024;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const cursorFile = join(dir, 'cursor.json');
  const readCursor = async () => {
    const raw = await readFile(cursorFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    return raw === null ? null : cursorSchema.parse(JSON.parse(raw));
  };
  const writeCursor = async (segment: number, offset: number) => {
    const tmp = `${cursorFile}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    await handle.writeFile(JSON.stringify({ segment, offset }));
    await handle.sync();
    await handle.close();
    await rename(tmp, cursorFile);
  };

  // Recover: segment sizes (a torn tail is cut off), what is still to send.
  const segments: { seq: number; size: number }[] = [];
  let bytes = 0;
  let points = 0;
  let batches = 0;
  const cursor = await readCursor();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.seg')).sort();
  for (const name of names) {
    const file = join(dir, name);
    const seq = seqOf(name);
    const buf = await readFile(file);
    const from = cursor && cursor.segment === seq ? cursor.offset : 0;
    if (cursor && seq < cursor.segment) {
      await rm(file, { force: true });
      continue;
    }
    const { records, end } = decode(buf, Math.min(from, buf.length));
    if (end < buf.length) await truncate(file, end);
    segments.push({ seq, size: end });
    for (const r of records) {
      bytes += r.size;
      points += r.record.points;
      batches++;
    }
  }

  let lock: Promise<unknown> = Promise.resolve();
  const locked = <T>(work: () => Promise<T>): Promise<T> => {
    const next = lock.then(work);
    lock = next.catch(() => undefined);
    return next;
  };

  const append = (record: SpoolRecord) =>
    locked(async () => {
      const body = Buffer.from(record.body, 'utf8');
      const head = JSON.stringify({ ...record.target, points: record.points, bytes: body.length });
      const data = Buffer.concat([Buffer.from(`${head}\n`), body, Buffer.from('\n')]);
      if (bytes + data.length > maxBytes)
        throw new SpoolFull(`spool full (${bytes} of ${maxBytes} bytes): InfluxDB is still away`);
      let last = segments.at(-1);
      if (!last || last.size >= segmentBytes) {
        last = { seq: (last?.seq ?? cursor?.segment ?? 0) + 1, size: 0 };
        segments.push(last);
      }
      const handle = await open(join(dir, segmentName(last.seq)), 'a', 0o600);
      try {
        await handle.write(data);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      last.size += data.length;
      bytes += data.length;
      points += record.points;
      batches++;
    });

  let draining: Promise<number> | null = null;
  const drainOnce = async (send: (record: SpoolRecord) => Promise<void>): Promise<number> => {
    let sent = 0;
    let resume = await readCursor();
    for (;;) {
      const segment = segments[0];
      if (!segment) return sent;
      const file = join(dir, segmentName(segment.seq));
      const committed = segment.size;
      const buf = (await readFile(file)).subarray(0, committed);
      const from = resume && resume.segment === segment.seq ? resume.offset : 0;
      const { records } = decode(buf, from);
      for (const r of records) {
        await send(r.record);
        await writeCursor(segment.seq, r.end);
        resume = { segment: segment.seq, offset: r.end };
        bytes -= r.size;
        points -= r.record.points;
        batches--;
        sent += r.record.points;
      }
      // Done with this segment unless an append grew it meanwhile.
      const finished = await locked(async () => {
        if (segment.size !== committed) return false;
        segments.shift();
        await rm(file, { force: true });
        if (segments.length === 0) await rm(cursorFile, { force: true });
        return true;
      });
      if (finished && segments.length === 0) resume = null;
    }
  };

  return {
    append,
    isEmpty: () => batches === 0,
    stats: () => ({ bytes, points, batches, maxBytes }),
    drain: (send) => {
      draining ??= drainOnce(send).finally(() => (draining = null));
      return draining;
    },
  };
};
