/**
 * The schema of a JSON body, not its values: every path (`server.addresses.*[].addr`) with the
 * set of JSON types seen there. Arrays merge their elements; objects whose keys are data (a
 * server's `addresses`, `metadata`, extra specs…) collapse their keys to `*`.
 */
export type Shape = Map<string, Set<string>>;

/** Keys whose object value is a map keyed by data, in every service. */
export const mapKeys = new Set([
  'addresses',
  'metadata',
  'extra_specs',
  'volume_image_metadata',
  'binding:profile',
  'binding:vif_details',
  'cpu_info',
  'inventories',
  'usages',
  'resources',
  'qos_specs',
  'options',
  'extra',
]);

/** Keys whose content is the driver's own (pool capabilities): only their presence counts. */
export const opaqueKeys = new Set(['capabilities']);

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;

export const shapeOf = (value: unknown, extraMaps: readonly string[] = []): Shape => {
  const shape: Shape = new Map();
  const maps = new Set([...mapKeys, ...extraMaps]);
  const add = (path: string, type: string) => {
    const set = shape.get(path) ?? new Set<string>();
    set.add(type);
    shape.set(path, set);
  };
  const walk = (v: unknown, path: string, key: string) => {
    const type = typeOf(v);
    add(path, type);
    if (opaqueKeys.has(key)) return;
    if (type === 'array') for (const item of v as unknown[]) walk(item, `${path}[]`, key);
    else if (type === 'object') {
      const asMap = maps.has(key) || maps.has(path);
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        const name = asMap ? '*' : k;
        walk(child, path === '' ? name : `${path}.${name}`, name);
      }
    }
  };
  walk(value, '', '');
  return shape;
};

export type ShapeDiff = { path: string; sim: string; zed: string };

const show = (s: Set<string> | undefined) => (s === undefined ? 'absent' : [...s].sort().join('|'));

/** Paths whose type sets differ (absent on one side counts). */
export const diffShapes = (sim: Shape, zed: Shape): ShapeDiff[] => {
  const paths = new Set([...sim.keys(), ...zed.keys()]);
  const diffs: ShapeDiff[] = [];
  for (const path of [...paths].sort()) {
    const a = show(sim.get(path));
    const b = show(zed.get(path));
    if (a !== b) diffs.push({ path: path === '' ? '(body)' : path, sim: a, zed: b });
  }
  // A missing object reports every path under it; keep only the top one.
  return diffs.filter(
    (d) =>
      !diffs.some(
        (o) =>
          o !== d &&
          (d.path.startsWith(`${o.path}.`) || d.path.startsWith(`${o.path}[]`)) &&
          (o.sim === 'absent' || o.zed === 'absent'),
      ),
  );
};
