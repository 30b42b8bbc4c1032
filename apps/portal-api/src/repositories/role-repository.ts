import type { DbClient } from './db-client';

const include = { _count: { select: { assignments: true } } } as const;

export type RoleRow = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  scopes: string[];
  permissions: string[];
  menus: string[];
  createdAt: Date;
  _count: { assignments: number };
};

export const listRoleRows = (db: DbClient): Promise<RoleRow[]> =>
  db.role.findMany({ include, orderBy: [{ builtIn: 'desc' }, { name: 'asc' }] });

export const findRoleRow = (db: DbClient, id: string): Promise<RoleRow | null> =>
  db.role.findUnique({ where: { id }, include });

export const findRoleRows = (db: DbClient, ids: string[]): Promise<RoleRow[]> =>
  db.role.findMany({ where: { id: { in: ids } }, include });

export const insertRole = (
  db: DbClient,
  data: {
    id: string;
    name: string;
    description: string;
    scopes: string[];
    permissions: string[];
    menus: string[];
  },
): Promise<RoleRow> => db.role.create({ data: { ...data, builtIn: false }, include });

export const updateRoleRow = (
  db: DbClient,
  id: string,
  data: { name?: string; description?: string; permissions?: string[]; menus?: string[] },
): Promise<RoleRow> => db.role.update({ where: { id }, data, include });

export const deleteRoleRow = async (db: DbClient, id: string): Promise<void> => {
  await db.role.delete({ where: { id } });
};
