import type { DbClient } from './db-client';

/** Live mirror rows by type and status, within `projectIds` (null = everything, unowned too). */
export const countResourcesByTypeAndStatus = async (
  db: DbClient,
  projectIds: string[] | null,
): Promise<{ type: string; status: string; count: number }[]> => {
  const rows = await db.resource.groupBy({
    by: ['type', 'status'],
    where: { deletedAt: null, ...(projectIds ? { projectId: { in: projectIds } } : {}) },
    _count: { _all: true },
    orderBy: [{ type: 'asc' }, { status: 'asc' }],
  });
  return rows.map((r) => ({ type: r.type, status: r.status, count: r._count._all }));
};

/** Tasks within `projectIds` (null = all) in one of `statuses`, optionally created since. */
export const countTasks = (
  db: DbClient,
  projectIds: string[] | null,
  statuses: readonly string[],
  since?: Date,
): Promise<number> =>
  db.task.count({
    where: {
      status: { in: [...statuses] },
      ...(projectIds ? { projectId: { in: projectIds } } : {}),
      ...(since ? { createdAt: { gte: since } } : {}),
    },
  });
