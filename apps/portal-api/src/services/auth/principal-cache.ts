import type { Principal } from '@yunguan/domain';
import { LRUCache } from 'lru-cache';

/**
 * Principals (user + roles + memberships resolved into grants) kept per API process, keyed by
 * user and valid for exactly one principal version (ADR 0120). The version is read from the
 * database with the session or API token on every request and is bumped by triggers in the
 * transaction of any change to the user's assignments, roles, department or status, so a stale
 * entry is never used: whatever is cached, in whichever process, a revoked role takes effect on
 * the next request. No time-to-live is needed for correctness; the size bound keeps memory flat.
 */
export type PrincipalCache = {
  /** The principal for `userId` at `version`, loaded with `load` unless cached at that version. */
  get: (userId: string, version: number, load: () => Promise<Principal>) => Promise<Principal>;
  /** Loads since start (the cache test and the bench read it). */
  stats: () => { hits: number; loads: number };
};

export const createPrincipalCache = (max = 10_000): PrincipalCache => {
  const entries = new LRUCache<string, { version: number; principal: Principal }>({ max });
  let hits = 0;
  let loads = 0;
  return {
    get: async (userId, version, load) => {
      const cached = entries.get(userId);
      if (cached && cached.version === version) {
        hits += 1;
        return cached.principal;
      }
      loads += 1;
      const principal = await load();
      // Stored under the version read before loading: a change committed meanwhile bumped the
      // version past it, so the next request reloads.
      const current = entries.get(userId);
      if (!current || current.version <= version) entries.set(userId, { version, principal });
      return principal;
    },
    stats: () => ({ hits, loads }),
  };
};
