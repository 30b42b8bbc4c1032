import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatabaseEnv } from '../env';
import { migrate } from './migrate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const { DATABASE_URL } = loadDatabaseEnv();
const report = await migrate(DATABASE_URL, path.join(root, 'prisma/migrations'));
console.log(
  `migrations: ${report.applied.length} applied${report.applied.length ? ` (${report.applied.join(', ')})` : ''}, ${report.skipped} already in place`,
);
