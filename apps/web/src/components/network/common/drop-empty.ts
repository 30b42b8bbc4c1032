/** Form values without blank strings (an empty optional input means "not given"). */
export const dropEmpty = <V>(values: V): V => {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return values;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as V;
};
