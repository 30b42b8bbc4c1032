import type { Reach } from '@yunguan/domain';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

const withCounts = {
  _count: { select: { projects: { where: { deletedAt: null } }, users: true } },
} as const;

export type DepartmentRow = {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  _count: { projects: number; users: number };
};

const reachFilter = (reach: Reach) =>
  reach.all
    ? {}
    : {
        OR: [
          { id: { in: reach.departmentIds } },
          { projects: { some: { id: { in: reach.projectIds } } } },
        ],
      };

export const listDepartmentRows = async (
  db: DbClient,
  args: { reach: Reach; q?: string; page: number; pageSize: number },
): Promise<{ rows: DepartmentRow[]; total: number }> => {
  const where = {
    deletedAt: null,
    ...reachFilter(args.reach),
    ...(args.q ? { name: { contains: args.q, mode: 'insensitive' as const } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.department.findMany({
      where,
      include: withCounts,
      orderBy: { name: 'asc' },
      ...pageArgs(args.page, args.pageSize),
    }),
    db.department.count({ where }),
  ]);
  return { rows, total };
};

/** A live department (a soft-deleted one is not found). */
export const findDepartmentRow = (db: DbClient, id: string): Promise<DepartmentRow | null> =>
  db.department.findFirst({ where: { id, deletedAt: null }, include: withCounts });

export const insertDepartment = (db: DbClient, data: { name: string; description: string }) =>
  db.department.create({ data, include: withCounts });

export const updateDepartmentRow = (
  db: DbClient,
  id: string,
  data: { name?: string; description?: string },
) => db.department.update({ where: { id }, data, include: withCounts });

/** Row lock before counting what the department owns (see lockLiveProject). */
export const lockLiveDepartment = async (db: DbClient, id: string): Promise<boolean> => {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM department WHERE id = ${id} AND deleted_at IS NULL FOR UPDATE`;
  return rows.length > 0;
};

/** Soft delete (docs/adr/0113): its assignments and quotas go, the row stays for history. */
export const softDeleteDepartmentRow = async (
  db: DbClient,
  id: string,
  at: Date,
): Promise<void> => {
  await db.roleAssignment.deleteMany({ where: { departmentId: id } });
  await db.quota.deleteMany({ where: { departmentId: id } });
  await db.department.update({ where: { id }, data: { deletedAt: at } });
};
