import type { Database } from '../repositories/db-client';
import type { ServiceConfig } from '../services/context';

/** What cloud access needs; ServiceContext and JobDeps both have it. */
export type CloudDeps = { db: Database; config: ServiceConfig };
