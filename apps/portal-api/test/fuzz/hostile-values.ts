import fc from 'fast-check';
import type { Mutation } from './schema-arbitrary';

/** Strings an attacker sends: NUL, lone surrogates, controls, prototype names, bad escapes. */
export const hostileStrings = [
  '\u0000',
  'a\u0000b',
  'x\ud800y',
  '\udc00',
  'bell\u0007',
  'esc\u001b[31m',
  'nel\u0085',
  'rtl\u202egnp.exe',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '%zz',
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  '..',
  '/',
  '?x=1#y',
  "'; DROP TABLE audit_log; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '',
  ' ',
  '\r\n',
  'a'.repeat(70),
  'x'.repeat(5000),
  '研发部🚀',
  '0',
  '-1',
  'null',
  'true',
];

/** Path segments (already percent-encoded as a client would put them on the wire). */
export const hostileSegments = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%zz',
  '%25zz',
  '%25',
  '__proto__',
  'constructor',
  'toString',
  '..%2F..',
  '%2e%2e',
  'a%0Ab',
  'a%20b',
  '%F0%9F%9A%80',
  '1',
  '0',
  'x'.repeat(300),
  '00000000-0000-4000-8000-000000000000',
];

const utf8Segment = (s: string): string =>
  [...Buffer.from(s, 'utf8')] // lone surrogates become U+FFFD here
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** A path segment: hostile, random Unicode, or (when given) a known good id. */
export const segmentArb = (known: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...hostileSegments) },
    { weight: 4, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.fullUnicodeString({ minLength: 1, maxLength: 12 }).map(utf8Segment),
    },
    ...(known.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...known) }] : []),
  );

/** A value of the wrong type, for any field. */
export const wrongTypeArb: fc.Arbitrary<unknown> = fc.constantFrom(
  null,
  true,
  [],
  {},
  -1,
  1e308,
  2 ** 53 + 1,
  0.5,
  'NaN',
  [null],
);

/** The characters that broke the portal before ADR 0114, and their neighbours. */
const hostileCores = ['\u0000', '\ud800', '\udfff', '\u0007', '\u001b', '\u0085', '%zz', '%00'];

/** A hostile string: a known-bad core inside ordinary text, one of the list, or random units. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', 'a', 'web-'),
        fc.constantFrom(...hostileCores),
        fc.constantFrom('', 'b'),
      )
      .map(([a, core, b]) => `${a}${core}${b}`),
  },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 2, arbitrary: wrongTypeArb },
);

/** One mutation of a plausible body: a hostile or wrongly typed value, a dropped field, a key. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      at: fc.nat(),
      kind: fc.constant('set' as const),
      value: hostileValueArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), kind: fc.constant('drop' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      at: fc.nat(),
      kind: fc.constant('key' as const),
      key: fc.constantFrom('constructor', 'toString', 'x\u0000', 'x\ud800', 'extra'),
      value: fc.constantFrom<unknown>('x', 1, null, { polluted: 1 }),
    }),
  },
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a JSON value holds a NUL or a lone surrogate anywhere (keys included). */
export const holdsUnstorableText = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => holdsUnstorableText(k) || holdsUnstorableText(v));
  return false;
};
