/**
 * InfluxQL text built only from these helpers, so nothing a user sends can change a query's
 * meaning. Identifiers are double-quoted and string literals single-quoted with the escapes
 * InfluxQL's scanner knows (`\\`, `\"`, `\'`); newlines and other control characters are refused
 * outright (the scanner would end the literal there). node-influx's `escape.stringLit` was not
 * used: it escapes quotes but not backslashes, so a value ending in `\` escapes its own closing
 * quote (ADR 0118).
 */
export class InfluxQlInputError extends Error {}

const checkText = (s: string) => {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s))
    throw new InfluxQlInputError('control character in InfluxQL text');
  return s;
};

/** `"identifier"` */
export const ident = (s: string): string =>
  `"${checkText(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `'string literal'` */
export const literal = (s: string): string =>
  `'${checkText(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `"db"."rp"."measurement"` */
export const source = (db: string, rp: string, measurement: string): string =>
  `${ident(db)}.${ident(rp)}.${ident(measurement)}`;

/** `("tag" = 'a' OR "tag" = 'b')` — one series or many (alert evaluation batches by GROUP BY). */
export const tagIn = (tag: string, values: readonly string[]): string => {
  if (values.length === 0) throw new InfluxQlInputError(`no values for tag ${tag}`);
  return `(${values.map((v) => `${ident(tag)} = ${literal(v)}`).join(' OR ')})`;
};

/** Durations InfluxQL accepts after `now() -` or in `time(…)`: integer + unit. */
export const duration = (seconds: number): string => {
  if (!Number.isInteger(seconds) || seconds <= 0) throw new InfluxQlInputError('bad duration');
  return `${seconds}s`;
};
