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
      { deletedAt: null },
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
  db.project.findMany({
    where: { id: { in: ids }, deletedAt: null },
    include,
    orderBy: { name: 'asc' },
  });

export const listProjectsOfDepartments = (db: DbClient, departmentIds: string[]) =>
  db.project.findMany({
    where: { departmentId: { in: departmentIds }, deletedAt: null },
    include,
    orderBy: { name: 'asc' },
  });

/** A live project (a soft-deleted one is not found). */
export const findProjectRow = (db: DbClient, id: string): Promise<ProjectRow | null> =>
  db.project.findFirst({ where: { id, deletedAt: null }, include });

export const insertProject = (
  db: DbClient,
  data: { name: string; description: string; departmentId: string },
) => db.project.create({ data, include });

export const updateProjectRow = (
  db: DbClient,
  id: string,
  data: { name?: string; description?: string },
) => db.project.update({ where: { id }, data, include });

/** Take the row lock a racing create waits on (FOR UPDATE conflicts with the FOR KEY SHARE that
 * migration 0010's triggers take); false when the project is gone or already deleted. */
export const lockLiveProject = async (db: DbClient, id: string): Promise<boolean> => {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM project WHERE id = ${id} AND deleted_at IS NULL FOR UPDATE`;
  return rows.length > 0;
};

/** Soft delete (docs/adr/0113): the row stays for the history that points at it; its member
 * assignments and quotas (configuration, not history) go. */
export const softDeleteProjectRow = async (db: DbClient, id: string, at: Date): Promise<void> => {
  await db.roleAssignment.deleteMany({ where: { projectId: id } });
  await db.quota.deleteMany({ where: { projectId: id } });
  await db.project.update({ where: { id }, data: { deletedAt: at } });
};
