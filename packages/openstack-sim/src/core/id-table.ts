/**
 * Tables keyed by client-supplied ids have no prototype (ADR 0114): `__proto__`, `constructor`
 * or `toString` asked for as an id are just unknown ids (404), never an inherited property —
 * and writing under such a key cannot reach Object.prototype. Records, not Maps, because the
 * whole state is one JSON file and every service reads the tables as records.
 */
export const idTable = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Make the named tables of a slice prototype-free (idempotent; state files load as plain objects). */
export const withIdTables = <S extends object>(slice: S, keys: readonly (keyof S)[]): S => {
  for (const key of keys) {
    const table = slice[key] as unknown;
    if (table !== null && typeof table === 'object' && Object.getPrototypeOf(table) !== null)
      slice[key] = Object.assign(Object.create(null) as object, table) as S[keyof S];
  }
  return slice;
};
