/** One line-protocol point (ms precision). */
export type FieldValue = number | string | { int: number };

const escapeKey = (s: string) => s.replace(/[,= \\]/g, (c) => `\\${c}`);

export const point = (
  measurement: string,
  tags: Record<string, string>,
  fields: Record<string, FieldValue>,
  tMs: number,
): string => {
  const tagPart = Object.keys(tags)
    .sort()
    .filter((k) => tags[k] !== '')
    .map((k) => `,${k}=${escapeKey(tags[k]!)}`)
    .join('');
  const fieldPart = Object.entries(fields)
    .map(([k, v]) =>
      typeof v === 'string'
        ? `${k}="${v.replace(/["\\]/g, (c) => `\\${c}`)}"`
        : typeof v === 'number'
          ? `${k}=${Number.isFinite(v) ? Number(v.toFixed(3)) : 0}`
          : `${k}=${Math.round(v.int)}i`,
    )
    .join(',');
  return `${escapeKey(measurement)}${tagPart} ${fieldPart} ${tMs}`;
};
