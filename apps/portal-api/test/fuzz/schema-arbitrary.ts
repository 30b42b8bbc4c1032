import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.x) that the zod → OpenAPI transform emits. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
};

/** Known good values by field name, so generated requests get past the first lookup. */
export type KnownValues = Record<string, readonly string[]>;

export type ArbitraryOptions = {
  resolve: (ref: string) => JsonSchema;
  known: KnownValues;
};

const plausibleString = (schema: JsonSchema): fc.Arbitrary<string> => {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') return fc.constant(new Date(1_800_000_000_000).toISOString());
  if (schema.format === 'email') return fc.constant('fuzz@example.com');
  if (schema.format === 'ipv4') return fc.ipV4();
  if (schema.pattern) {
    const pattern = schema.pattern;
    try {
      const re = new RegExp(pattern, 'u');
      const max = schema.maxLength ?? 64;
      return fc
        .stringMatching(re)
        .filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= max);
    } catch {
      // a pattern fast-check cannot generate from: fall through to plain text
    }
  }
  const min = schema.minLength ?? 1;
  const max = Math.max(min, Math.min(schema.maxLength ?? 32, 32));
  return fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).map((s) => s.padEnd(min, 'x').slice(0, max));
};

/**
 * Values shaped like one JSON Schema (required fields present, known ids preferred), so a request
 * gets past the first checks; hostility is added by `mutate` (one or two fields at a time).
 */
export const arbitraryOf = (
  schema: JsonSchema,
  opts: ArbitraryOptions,
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> => {
  if (schema.$ref) return arbitraryOf(opts.resolve(schema.$ref), opts, field, depth);
  return shapedOf(schema, opts, field, depth);
};

const shapedOf = (
  schema: JsonSchema,
  opts: ArbitraryOptions,
  field: string,
  depth: number,
): fc.Arbitrary<unknown> => {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => arbitraryOf(s, opts, field, depth)));
  if (schema.allOf && schema.allOf.length > 0)
    return arbitraryOf(Object.assign({}, ...schema.allOf) as JsonSchema, opts, field, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t) => t !== 'null') ?? 'null')
    : schema.type;
  const known = opts.known[field];
  switch (type) {
    case 'string': {
      return known && known.length > 0
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...known) },
            { weight: 1, arbitrary: plausibleString(schema) },
          )
        : plausibleString(schema);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 100_000;
      const lo = Math.ceil(Math.max(min, -1e9));
      return fc.integer({ min: lo, max: Math.floor(Math.max(lo, Math.min(max, lo + 64))) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = schema.items ?? {};
      return fc.array(arbitraryOf(item, opts, field, depth + 1), {
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    }
    case 'object':
    default:
      return objectOf(schema, opts, depth);
  }
};

const objectOf = (schema: JsonSchema, opts: ArbitraryOptions, depth: number) => {
  if (depth > 4) return fc.constant({});
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(props).map(
    ([key, s]) =>
      [
        key,
        required.has(key)
          ? arbitraryOf(s, opts, key, depth + 1)
          : fc.option(arbitraryOf(s, opts, key, depth + 1), { nil: undefined }),
      ] as const,
  );
  const extra =
    typeof schema.additionalProperties === 'object'
      ? fc.dictionary(
          fc.constantFrom('env', 'tier', 'owner'),
          arbitraryOf(schema.additionalProperties, opts, '', depth + 1),
          { maxKeys: 2 },
        )
      : fc.constant({});
  return fc.tuple(fc.tuple(...entries.map(([, a]) => a)), extra).map(([values, more]) => {
    const out: Record<string, unknown> = { ...(more as Record<string, unknown>) };
    entries.forEach(([key], i) => {
      if (values[i] !== undefined) out[key] = values[i];
    });
    return out;
  });
};

/** Every path into a JSON value (object keys and array indexes), the root first. */
const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
  const here = [prefix];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
};

/** What a mutation does at one path: put a hostile value there, drop it, or add a key. */
export type Mutation =
  | { at: number; kind: 'set'; value: unknown }
  | { at: number; kind: 'drop' }
  | { at: number; kind: 'key'; key: string; value: unknown };

/** Apply mutations to a copy of `value`; `at` picks a path (modulo the number of paths). */
const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export const mutate = (value: unknown, mutations: readonly Mutation[]): unknown => {
  let out: unknown = structuredClone(value);
  for (const m of mutations) {
    // A hostile value goes to a leaf (a string, number, …) when there is one: that is where
    // text reaches storage and cloud URLs; drops and keys go anywhere.
    const all = pathsOf(out);
    const leaves = all.filter((p) => {
      const v = p.reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], out);
      return v === null || typeof v !== 'object';
    });
    const paths = m.kind === 'set' && leaves.length > 0 ? leaves : all;
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      if (m.kind === 'set') out = structuredClone(m.value);
      else if (m.kind === 'key' && isRecord(out)) out[m.key] = structuredClone(m.value);
      continue;
    }
    const holder = path
      .slice(0, -1)
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], out) as Record<
      string | number,
      unknown
    >;
    const last = path[path.length - 1]!;
    if (m.kind === 'set') holder[last] = structuredClone(m.value);
    else if (m.kind === 'drop') {
      if (Array.isArray(holder)) holder.splice(Number(last), 1);
      else delete holder[last];
    } else {
      const target = isRecord(holder[last]) ? holder[last] : isRecord(holder) ? holder : null;
      if (target) target[m.key] = structuredClone(m.value);
    }
  }
  return out;
};
