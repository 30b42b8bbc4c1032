/**
 * InfluxDB line protocol, checked the way InfluxDB 1.x checks it before it stores a point:
 * `measurement[,tag=value…] field=value[,field=value…] [timestamp]`, with `\` escapes for commas,
 * spaces and equals signs, double-quoted string fields (which may hold escaped quotes, spaces,
 * commas and newlines), integers `12i`, unsigned `12u`, floats and booleans. Blank lines and
 * `#` comments are skipped. A point without a timestamp gets `stampNs` (in the write's
 * precision) so that writing the same batch twice stores the same points once (InfluxDB keeps one
 * point per series and time): a spooled batch replayed after a crash duplicates nothing.
 */
export type ParsedBatch = {
  /** The batch re-joined with a timestamp on every point, one point per line. */
  body: string;
  points: number;
};

export class LineProtocolError extends Error {}

const isBoolean = /^(t|T|true|True|TRUE|f|F|false|False|FALSE)$/;
const isFloat = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const isInteger = /^[+-]?\d+i$/;
const isUnsigned = /^\d+u$/;
const isTimestamp = /^-?\d{1,19}$/;

/** Index of the first unescaped `stop` character outside double quotes (quotes only if `quoted`). */
const scanTo = (line: string, from: number, stops: string, quoted: boolean): number => {
  let inQuote = false;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (quoted && c === '"') inQuote = !inQuote;
    else if (!inQuote && stops.includes(c)) return i;
  }
  if (inQuote) throw new LineProtocolError('unbalanced quotes');
  return line.length;
};

const checkFieldValue = (key: string, value: string) => {
  if (key.length === 0) throw new LineProtocolError('missing field key');
  if (value.length === 0) throw new LineProtocolError(`missing field value for ${key}`);
  if (value.startsWith('"')) {
    if (
      value.length < 2 ||
      !value.endsWith('"') ||
      (value.endsWith('\\"') && !value.endsWith('\\\\"'))
    )
      throw new LineProtocolError(`invalid string field ${key}`);
    return;
  }
  if (isInteger.test(value) || isUnsigned.test(value) || isBoolean.test(value)) return;
  if (isFloat.test(value) && Number.isFinite(Number(value))) return;
  throw new LineProtocolError(`invalid number for field ${key}: ${value.slice(0, 40)}`);
};

/** The common case — no escapes, no string fields: plain splits (≈10× faster than scanning). */
const checkPlainPoint = (line: string, stamp: string): string => {
  const keyEnd = line.indexOf(' ');
  if (keyEnd < 0) throw new LineProtocolError('missing fields');
  const key = line.slice(0, keyEnd).split(',');
  if (key[0] === '') throw new LineProtocolError('missing measurement');
  for (let i = 1; i < key.length; i++) {
    const tag = key[i]!;
    const eq = tag.indexOf('=');
    if (eq <= 0 || eq >= tag.length - 1) throw new LineProtocolError(`invalid tag ${tag}`);
  }
  const fieldsEnd = line.indexOf(' ', keyEnd + 1);
  const fields = line.slice(keyEnd + 1, fieldsEnd < 0 ? undefined : fieldsEnd);
  if (fields.length === 0) throw new LineProtocolError('missing fields');
  for (const field of fields.split(',')) {
    const eq = field.indexOf('=');
    checkFieldValue(eq < 0 ? field : field.slice(0, eq), eq < 0 ? '' : field.slice(eq + 1));
  }
  if (fieldsEnd < 0) return `${line} ${stamp}`;
  const rest = line.slice(fieldsEnd + 1).trim();
  if (rest === '') return `${line.trimEnd()} ${stamp}`;
  if (!isTimestamp.test(rest)) throw new LineProtocolError('bad timestamp');
  return line;
};

/** Check one point; returns it with a timestamp appended when it had none. */
const checkPoint = (line: string, stamp: string): string => {
  if (!line.includes('\\') && !line.includes('"')) return checkPlainPoint(line, stamp);
  const keyEnd = scanTo(line, 0, ' ', false);
  const seriesKey = line.slice(0, keyEnd);
  const measurementEnd = scanTo(seriesKey, 0, ',', false);
  if (measurementEnd === 0) throw new LineProtocolError('missing measurement');
  for (let at = measurementEnd; at < seriesKey.length;) {
    const end = scanTo(seriesKey, at + 1, ',', false);
    const tag = seriesKey.slice(at + 1, end);
    const eq = scanTo(tag, 0, '=', false);
    if (eq === 0 || eq >= tag.length - 1) throw new LineProtocolError(`invalid tag ${tag}`);
    at = end;
  }
  if (keyEnd >= line.length) throw new LineProtocolError('missing fields');
  const fieldsEnd = scanTo(line, keyEnd + 1, ' ', true);
  const fields = line.slice(keyEnd + 1, fieldsEnd);
  if (fields.length === 0) throw new LineProtocolError('missing fields');
  for (let at = -1; at < fields.length;) {
    const end = scanTo(fields, at + 1, ',', true);
    const field = fields.slice(at + 1, end);
    const eq = scanTo(field, 0, '=', false);
    checkFieldValue(field.slice(0, eq), eq >= field.length ? '' : field.slice(eq + 1));
    at = end;
  }
  const rest = line.slice(fieldsEnd + 1);
  if (fieldsEnd >= line.length || rest.trim() === '') return `${line.trimEnd()} ${stamp}`;
  if (!isTimestamp.test(rest.trim())) throw new LineProtocolError('bad timestamp');
  return line;
};

/** Split into points: a newline ends a point unless it is inside a quoted string field. */
const splitPoints = (body: string): string[] => {
  if (!body.includes('"')) return body.split('\n');
  const points: string[] = [];
  let start = 0;
  let inQuote = false;
  let spaces = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      i++;
    } else if (c === ' ' && !inQuote) {
      spaces++;
    } else if (c === '"' && spaces >= 1) {
      inQuote = !inQuote;
    } else if (c === '\n' && !inQuote) {
      points.push(body.slice(start, i));
      start = i + 1;
      spaces = 0;
    }
  }
  points.push(body.slice(start));
  return points;
};

const precisionNs: Record<string, bigint> = {
  ns: 1n,
  n: 1n,
  u: 1_000n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

export const writePrecisions = Object.keys(precisionNs);

/** `now` as an integer timestamp in `precision` (default ns). */
export const stampFor = (precision: string | undefined, nowMs = Date.now()): string =>
  String((BigInt(nowMs) * 1_000_000n) / (precisionNs[precision ?? 'ns'] ?? 1n));

/** Check a whole write body; throws LineProtocolError naming the first bad line. */
export const parseLineProtocol = (body: string, stamp: string): ParsedBatch => {
  const out: string[] = [];
  for (const raw of splitPoints(body)) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    try {
      out.push(checkPoint(line.trimStart(), stamp));
    } catch (error) {
      const why = (error as Error).message;
      throw new LineProtocolError(`unable to parse '${line.slice(0, 200)}': ${why}`);
    }
  }
  return { body: out.join('\n'), points: out.length };
};
