import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureDatabase } from './postgres';
import './provided-context';

/** A fresh database cloned from the migrated template; one per test file. */
export const createTestDatabase = async (): Promise<string> => {
  const adminUrl = inject('pgAdminUrl');
  const name = `yg_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name, inject('templateDatabase'));
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
};

export const testRedisUrl = (): string => inject('redisUrl');
