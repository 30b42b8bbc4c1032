import type { SimContext } from '../core/sim-context';
import { computeOf, type Server } from './compute-state';

/** One row of Nova's migrations table, as os-migrations lists it. */
export type Migration = {
  id: number;
  uuid: string;
  serverId: string;
  projectId: string;
  userId: string;
  type: 'resize' | 'migration' | 'live-migration';
  status: string;
  source: string | null;
  dest: string | null;
  oldFlavorId: string;
  newFlavorId: string;
  createdAt: string;
  updatedAt: string | null;
};

type WithMigrations = { migrations?: Migration[] };

export const migrationsOf = (ctx: SimContext): Migration[] => {
  const state = computeOf(ctx) as WithMigrations;
  state.migrations ??= [];
  return state.migrations;
};

/** Record a move of `s` from its previous host to its current one (call after setting both). */
export const recordMigration = (
  ctx: SimContext,
  s: Server,
  type: Migration['type'],
  status: string,
) => {
  const list = migrationsOf(ctx);
  list.push({
    id: list.length + 1,
    uuid: crypto.randomUUID(),
    serverId: s.id,
    projectId: s.projectId,
    userId: s.userId,
    type,
    status,
    source: s.previousHost,
    dest: s.host,
    oldFlavorId: (s.oldFlavor ?? s.flavor).id,
    newFlavorId: s.flavor.id,
    createdAt: ctx.now().toISOString(),
    updatedAt: null,
  });
};

/** The server's latest migration moves to `status` (confirmed, reverted, completed…). */
export const settleMigration = (ctx: SimContext, serverId: string, status: string) => {
  const m = migrationsOf(ctx).findLast((x) => x.serverId === serverId);
  if (m === undefined) return;
  m.status = status;
  m.updatedAt = ctx.now().toISOString();
};
