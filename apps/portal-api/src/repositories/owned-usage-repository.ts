import type { DbClient } from './db-client';

/** What a delete must not orphan (docs/adr/0113). */
export type OwnerKind = 'department' | 'project' | 'datacenter';

/** Live mirror rows by type (`{ server: 1, volume: 2 }`) and unfinished tasks of an owner. */
export type OwnedUsage = { resources: Record<string, number>; unfinishedTasks: number };

/** Statuses of a task that has not ended: `held` (awaiting approval, M2.0), queued, running. */
export const UNFINISHED_TASK_STATUSES = ['held', 'queued', 'running'] as const;

const projectIdsOfDepartment = async (db: DbClient, departmentId: string): Promise<string[]> =>
  (await db.project.findMany({ where: { departmentId }, select: { id: true } })).map((p) => p.id);

/**
 * Count, in the caller's transaction, what `owner` still holds. A department's resources are
 * those of all its projects, deleted ones included (a sync may still find objects in the cloud
 * project of a deleted project). Call it after locking the owner row (lockLive*), so a racing
 * create is either counted here or refused by migration 0010's triggers.
 */
export const countOwnedUsage = async (
  db: DbClient,
  owner: { kind: OwnerKind; id: string },
): Promise<OwnedUsage> => {
  const resourceWhere =
    owner.kind === 'project'
      ? { projectId: owner.id }
      : owner.kind === 'datacenter'
        ? { datacenterId: owner.id }
        : { projectId: { in: await projectIdsOfDepartment(db, owner.id) } };
  const taskWhere =
    owner.kind === 'project'
      ? { projectId: owner.id }
      : owner.kind === 'datacenter'
        ? { datacenterId: owner.id }
        : { departmentId: owner.id };
  const [byType, unfinishedTasks] = await Promise.all([
    db.resource.groupBy({
      by: ['type'],
      where: { ...resourceWhere, deletedAt: null },
      _count: { _all: true },
      orderBy: { type: 'asc' },
    }),
    db.task.count({ where: { ...taskWhere, status: { in: [...UNFINISHED_TASK_STATUSES] } } }),
  ]);
  return {
    resources: Object.fromEntries(byType.map((r) => [r.type, r._count._all])),
    unfinishedTasks,
  };
};
