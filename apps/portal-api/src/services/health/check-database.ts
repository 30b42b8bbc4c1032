import { pingDatabase, type Database } from '../../repositories/db-client';

/** Readiness: the database answers a trivial query (routes reach repositories through services). */
export const checkDatabase = (db: Database): Promise<void> => pingDatabase(db);
