import type { FastifyInstance } from 'fastify';
import { checkDatabase } from '../services/health/check-database';
import type { AppDeps } from './deps';

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);

const check = async (fn: () => Promise<unknown>) => {
  try {
    await within(2000, fn());
    return { ok: true as const };
  } catch (error) {
    return { ok: false as const, error: (error as Error).message };
  }
};

/** /healthz: the process is alive. /readyz: PostgreSQL and Redis answer. */
export const registerHealth = (app: FastifyInstance, deps: AppDeps) => {
  app.get('/healthz', { schema: { hide: true } }, (_request, reply) =>
    reply.send({ status: 'ok' }),
  );
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const [database, redis] = await Promise.all([
      check(() => checkDatabase(deps.db)),
      check(() => deps.redis.ping()),
    ]);
    const ready = database.ok && redis.ok;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', checks: { database, redis } });
  });
};
