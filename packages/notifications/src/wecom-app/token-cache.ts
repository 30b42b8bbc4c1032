/** Where WeCom access tokens are kept between sends (the portal keeps them in Redis, sealed). */
export interface TokenCache {
  get(key: string): Promise<string | null>;
  set(key: string, token: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A process-local cache (tools and tests of this package). */
export const memoryTokenCache = (now: () => number = Date.now): TokenCache => {
  const entries = new Map<string, { token: string; until: number }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      return Promise.resolve(entry && entry.until > now() ? entry.token : null);
    },
    set: (key, token, ttlMs) => {
      entries.set(key, { token, until: now() + ttlMs });
      return Promise.resolve();
    },
    delete: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
  };
};
