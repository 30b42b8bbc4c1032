import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testRedisUrl } from './database';
import { startE2eDatacenter, type E2eDatacenterOptions } from './e2e-datacenter';

export { loginPortal, type PortalSession } from './portal-login';
import { freePort } from './ports';
import { startStack, type RunningStack } from './stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type E2eStack = RunningStack & {
  /** The simulated datacenter, when the stack was asked for one. */
  datacenter: { id: string; name: string } | null;
};

/** The whole system for a browser test: its own database (migrated, demo-seeded), the shared
 * test Redis, and portal-api server + worker + web on free ports. With `datacenter`, also a
 * tunnel-gateway and an agent serving the simulated OpenStack (`--stack sim`), enrolled into
 * the portal with its service account set — under a Redis key prefix of its own. */
export const startE2eStack = async (opts: {
  demoPassword: string;
  env?: Record<string, string>;
  datacenter?: E2eDatacenterOptions;
}): Promise<E2eStack> => {
  const portRange = opts.datacenter?.portRange ?? { first: 61_600, last: 61_699 };
  const redisPrefix = `yg-e2e-${randomBytes(4).toString('hex')}:`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    TRUST_PROXY: '127.0.0.1',
    DATABASE_URL: await createTestDatabase(),
    REDIS_URL: testRedisUrl(),
    YUNGUAN_SECRET_KEY: randomBytes(32).toString('base64'),
    YUNGUAN_DEMO_PASSWORD: opts.demoPassword,
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(opts.datacenter
      ? {
          REDIS_KEY_PREFIX: redisPrefix,
          TUNNEL_PORT_RANGE: `${portRange.first}-${portRange.last}`,
        }
      : {}),
    ...opts.env,
  };
  const seeded = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['src/db/seed-cli.ts'], {
    cwd: path.join(root, 'apps/portal-api'),
    env,
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  const webPort = await freePort();
  env.YUNGUAN_PUBLIC_URL = `http://127.0.0.1:${webPort}`; // what install commands show
  const stack = await startStack({ root, env, apiPort: await freePort(), webPort, quiet: true });
  if (!opts.datacenter) return { ...stack, datacenter: null };
  try {
    const dc = await startE2eDatacenter({
      root,
      apiUrl: stack.apiUrl,
      webUrl: stack.webUrl,
      adminPassword: opts.demoPassword,
      redisUrl: testRedisUrl(),
      redisPrefix: env.REDIS_KEY_PREFIX ?? redisPrefix,
      portRange,
      datacenter: opts.datacenter,
    });
    return {
      ...stack,
      datacenter: { id: dc.id, name: dc.name },
      stop: async () => {
        await dc.stop();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
};
