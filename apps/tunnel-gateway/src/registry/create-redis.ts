import { Redis } from 'ioredis';

/** One connection per role: commands, and a separate one for SUBSCRIBE. */
export const createRedis = (url: string, name: string): Redis =>
  new Redis(url, { connectionName: name, maxRetriesPerRequest: 2, enableAutoPipelining: true });
