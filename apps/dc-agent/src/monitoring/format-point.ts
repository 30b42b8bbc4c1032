/**
 * Format one line-protocol point (the agent's own collectors use this; the simulator has its
 * own copy in packages/openstack-sim because packages never import apps).
 */
export type FieldValue = number | boolean | string | { int: number };

const escapeKey = (s: string) => s.replace(/[,= \\]/g, (c) => `\\${c}`);
const escapeMeasurement = (s: string) => s.replace(/[, \\]/g, (c) => `\\${c}`);
const fieldValue = (v: FieldValue): string => {
  if (typeof v === 'string') return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '0';
  return `${Math.round(v.int)}i`;
};

export const formatPoint = (
  measurement: string,
  tags: Record<string, string>,
  fields: Record<string, FieldValue>,
  timeMs: number,
): string => {
  const tagPart = Object.keys(tags)
    .sort()
    .filter((k) => tags[k] !== '')
    .map((k) => `,${escapeKey(k)}=${escapeKey(tags[k]!)}`)
    .join('');
  const fieldPart = Object.entries(fields)
    .map(([k, v]) => `${escapeKey(k)}=${fieldValue(v)}`)
    .join(',');
  return `${escapeMeasurement(measurement)}${tagPart} ${fieldPart} ${timeMs}`;
};
