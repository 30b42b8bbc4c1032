import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtInRoles } from '@yunguan/domain';
import pg from 'pg';

export type MigrationReport = { applied: string[]; skipped: number };

const LOCK_KEY = 7_310_042; // pg_advisory_lock key shared by every migrator process

/**
 * Apply prisma/migrations/<name>/migration.sql in name order, each in its own transaction, under
 * an advisory lock (several processes may start at once). Applied migrations are recorded with a
 * checksum; an edited migration is refused. Built-in role rows are then synced from code.
 * See docs/adr/0003-sql-migrations-without-schema-engine.md.
 */
export const migrate = async (
  databaseUrl: string,
  migrationsDir: string,
): Promise<MigrationReport> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_yunguan_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>(
          'SELECT name, checksum FROM "_yunguan_migrations"',
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum)
          throw new Error(
            `migration ${name} was edited after it was applied; add a new migration instead`,
          );
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_yunguan_migrations" (name, checksum) VALUES ($1, $2)', [
          name,
          checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    for (const role of Object.values(builtInRoles)) {
      await client.query(
        `INSERT INTO "role" (id, name, description, built_in, scopes, permissions, menus, updated_at)
         VALUES ($1, $2, '', true, $3, $4, $5, now())
         ON CONFLICT (id) DO UPDATE SET name = $2, built_in = true, scopes = $3, permissions = $4, menus = $5, updated_at = now()`,
        [role.id, role.name, role.scopes, role.permissions, role.menus],
      );
    }
    return { applied, skipped: names.length - applied.length };
  } finally {
    // Ending the connection releases the session-level advisory lock.
    await client.end();
  }
};
