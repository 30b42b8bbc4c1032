import type { Redis } from 'ioredis';
import type { Env } from '../env';
import type { Database } from '../repositories/db-client';
import type { ServiceConfig } from '../services/context';

export type AppDeps = {
  env: Env;
  db: Database;
  redis: Redis;
  config: ServiceConfig;
  now?: () => Date;
};
