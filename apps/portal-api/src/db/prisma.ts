import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

export const createPrisma = (databaseUrl: string, poolSize = 10): PrismaClient =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
