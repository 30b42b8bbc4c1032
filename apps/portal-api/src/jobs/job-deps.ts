import type { Database } from '../repositories/db-client';
import type { ServiceConfig } from '../services/context';

/** What a job handler gets from the worker process. */
export type JobDeps = { db: Database; config: ServiceConfig; now: () => Date };
