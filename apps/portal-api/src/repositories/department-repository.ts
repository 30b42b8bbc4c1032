import type { Reach } from '@yunguan/domain';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

const withCounts = { _count: { select: { projects: true, users: true } } } as const;

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

export const findDepartmentRow = (db: DbClient, id: string): Promise<DepartmentRow | null> =>
  db.department.findUnique({ where: { id }, include: withCounts });

export const insertDepartment = (db: DbClient, data: { name: string; description: string }) =>
  db.department.create({ data, include: withCounts });

export const updateDepartmentRow = (
  db: DbClient,
  id: string,
  data: { name?: string; description?: string },
) => db.department.update({ where: { id }, data, include: withCounts });

export const deleteDepartmentRow = async (db: DbClient, id: string): Promise<void> => {
  await db.department.delete({ where: { id } });
};
