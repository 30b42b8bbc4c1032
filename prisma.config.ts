import { defineConfig } from 'prisma/config';

// Only `prisma generate` is used: migrations are plain SQL applied by scripts/migrate.ts
// (see docs/adr/0003-sql-migrations-without-schema-engine.md).
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
