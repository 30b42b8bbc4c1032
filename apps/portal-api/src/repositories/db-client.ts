import type { PrismaClient } from '../generated/prisma/client';
import { Prisma } from '../generated/prisma/client';

/** What repositories accept: the client or a transaction of it. Services treat it as opaque. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
export type Database = PrismaClient;

export const inTransaction = <T>(db: Database, fn: (tx: DbClient) => Promise<T>): Promise<T> =>
  db.$transaction((tx) => fn(tx));

/** Unique-constraint violations become a domain CONFLICT in the service that knows the field. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export const pageArgs = (page: number, pageSize: number) => ({
  skip: (page - 1) * pageSize,
  take: pageSize,
});

export const pingDatabase = async (db: Database): Promise<void> => {
  await db.$queryRaw`SELECT 1`;
};

/** JSON a repository stores (services use this instead of importing Prisma). */
export type JsonInput = Prisma.InputJsonValue;
