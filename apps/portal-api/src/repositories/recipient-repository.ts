import type { DbClient } from './db-client';

export type RecipientRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  wecomUserId: string | null;
  locale: string;
};

const select = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  wecomUserId: true,
  locale: true,
} as const;

/**
 * Active users named directly, holding a role at a scope, or belonging to a department — the
 * union, each user once.
 */
export const findRecipientRows = (
  db: DbClient,
  args: {
    userIds: readonly string[];
    roles: readonly {
      roleId: string;
      departmentId?: string | undefined;
      projectId?: string | undefined;
    }[];
    departmentIds: readonly string[];
  },
): Promise<RecipientRow[]> => {
  const or = [
    ...(args.userIds.length ? [{ id: { in: [...args.userIds] } }] : []),
    ...(args.departmentIds.length ? [{ departmentId: { in: [...args.departmentIds] } }] : []),
    ...args.roles.map((r) => ({
      assignments: {
        some: {
          roleId: r.roleId,
          ...(r.projectId ? { projectId: r.projectId } : {}),
          ...(r.departmentId ? { departmentId: r.departmentId } : {}),
        },
      },
    })),
  ];
  if (or.length === 0) return Promise.resolve([]);
  return db.user.findMany({
    where: { status: 'active', OR: or },
    select,
    orderBy: { username: 'asc' },
  });
};

export const findUserContact = (db: DbClient, id: string): Promise<RecipientRow | null> =>
  db.user.findUnique({ where: { id }, select });

/** The department of a live project (null: no such project). */
export const findProjectDepartment = async (
  db: DbClient,
  projectId: string,
): Promise<string | null> =>
  (
    await db.project.findFirst({
      where: { id: projectId, deletedAt: null },
      select: { departmentId: true },
    })
  )?.departmentId ?? null;
