import type { Reach } from '@yunguan/domain';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

const include = {
  department: { select: { name: true } },
  _count: { select: { assignments: true } },
} as const;

export type ProjectRow = {
  id: string;
  name: string;
  description: string;
  departmentId: string;
  createdAt: Date;
  updatedAt: Date;
  department: { name: string };
  _count: { assignments: number };
};

export const projectReachFilter = (reach: Reach) =>
  reach.all
    ? {}
    : { OR: [{ departmentId: { in: reach.departmentIds } }, { id: { in: reach.projectIds } }] };

export const listProjectRows = async (
  db: DbClient,
  args: { reach: Reach; q?: string; departmentId?: string; page: number; pageSize: number },
): Promise<{ rows: ProjectRow[]; total: number }> => {
  const where = {
    AND: [
      projectReachFilter(args.reach),
      args.departmentId ? { departmentId: args.departmentId } : {},
      args.q ? { name: { contains: args.q, mode: 'insensitive' as const } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.project.findMany({
      where,
      include,
      orderBy: { name: 'asc' },
      ...pageArgs(args.page, args.pageSize),
    }),
    db.project.count({ where }),
  ]);
  return { rows, total };
};

export const listProjectsByIds = (db: DbClient, ids: string[]) =>
  db.project.findMany({ where: { id: { in: ids } }, include, orderBy: { name: 'asc' } });

export const listProjectsOfDepartments = (db: DbClient, departmentIds: string[]) =>
  db.project.findMany({
    where: { departmentId: { in: departmentIds } },
    include,
    orderBy: { name: 'asc' },
  });

export const findProjectRow = (db: DbClient, id: string): Promise<ProjectRow | null> =>
  db.project.findUnique({ where: { id }, include });

export const insertProject = (
  db: DbClient,
  data: { name: string; description: string; departmentId: string },
) => db.project.create({ data, include });

export const updateProjectRow = (
  db: DbClient,
  id: string,
  data: { name?: string; description?: string },
) => db.project.update({ where: { id }, data, include });

export const deleteProjectRow = async (db: DbClient, id: string): Promise<void> => {
  await db.project.delete({ where: { id } });
};
