import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testRedisUrl } from './database';
import { freePort } from './ports';
import { startStack, type RunningStack } from './stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The whole system for a browser test: its own database (migrated, demo-seeded), the shared
 * test Redis, and portal-api server + worker + web on free ports. */
export const startE2eStack = async (opts: {
  demoPassword: string;
  env?: Record<string, string>;
}): Promise<RunningStack> => {
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
  return startStack({ root, env, apiPort: await freePort(), webPort, quiet: true });
};
