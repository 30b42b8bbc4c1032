import type { Redis } from 'ioredis';
import type { Env } from '../env';
import type { RequestContext, ServiceConfig } from '../services/context';

export type AppDeps = {
  env: Env;
  db: RequestContext['db'];
  redis: Redis;
  config: ServiceConfig;
  now?: () => Date;
};
