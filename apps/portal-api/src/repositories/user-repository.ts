import type { Reach, Scope } from '@yunguan/domain';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

const include = {
  department: { select: { name: true } },
  assignments: {
    include: { role: { select: { name: true } }, project: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const;

export type AssignmentRow = {
  roleId: string;
  scope: string;
  departmentId: string | null;
  projectId: string | null;
  role: { name: string };
  project: { name: string } | null;
};

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  wecomUserId: string | null;
  locale: string;
  departmentId: string | null;
  passwordHash: string;
  status: string;
  failedLoginCount: number;
  lockedUntil: Date | null;
  totpSecretEnc: string | null;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  department: { name: string } | null;
  assignments: AssignmentRow[];
};

/** Users visible with a reach: members of reachable departments, or holders of a role in a
 * reachable project. */
const reachFilter = (reach: Reach) =>
  reach.all
    ? {}
    : {
        OR: [
          { departmentId: { in: reach.departmentIds } },
          { assignments: { some: { projectId: { in: reach.projectIds } } } },
        ],
      };

export const listUserRows = async (
  db: DbClient,
  args: {
    reach: Reach;
    q?: string;
    departmentId?: string;
    projectId?: string;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: UserRow[]; total: number }> => {
  const where = {
    AND: [
      reachFilter(args.reach),
      args.departmentId ? { departmentId: args.departmentId } : {},
      args.projectId ? { assignments: { some: { projectId: args.projectId } } } : {},
      args.q
        ? {
            OR: [
              { username: { contains: args.q, mode: 'insensitive' as const } },
              { displayName: { contains: args.q, mode: 'insensitive' as const } },
            ],
          }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      include,
      orderBy: { username: 'asc' },
      ...pageArgs(args.page, args.pageSize),
    }),
    db.user.count({ where }),
  ]);
  return { rows, total };
};

export const findUserRow = (db: DbClient, id: string): Promise<UserRow | null> =>
  db.user.findUnique({ where: { id }, include });

export const findUserByUsername = (db: DbClient, username: string): Promise<UserRow | null> =>
  db.user.findUnique({ where: { username }, include });

export type AssignmentData = {
  roleId: string;
  scope: Scope;
  departmentId: string | null;
  projectId: string | null;
};

export const insertUser = (
  db: DbClient,
  data: {
    username: string;
    passwordHash: string;
    departmentId: string | null;
    displayName: string;
    email: string | null;
    wecomUserId?: string | null;
    locale?: string;
    assignments: AssignmentData[];
  },
): Promise<UserRow> => {
  const { assignments, ...user } = data;
  return db.user.create({ data: { ...user, assignments: { create: assignments } }, include });
};

export const updateUserRow = (
  db: DbClient,
  id: string,
  data: {
    displayName?: string;
    email?: string | null;
    wecomUserId?: string | null;
    locale?: string;
    status?: string;
    passwordHash?: string;
    failedLoginCount?: number;
    lockedUntil?: Date | null;
    totpSecretEnc?: string | null;
    totpEnabled?: boolean;
    lastLoginAt?: Date;
  },
): Promise<UserRow> => db.user.update({ where: { id }, data, include });

export const replaceAssignments = async (
  db: DbClient,
  userId: string,
  assignments: AssignmentData[],
): Promise<void> => {
  await db.roleAssignment.deleteMany({ where: { userId } });
  await db.roleAssignment.createMany({ data: assignments.map((a) => ({ ...a, userId })) });
};

export const deleteUserRow = async (db: DbClient, id: string): Promise<void> => {
  await db.user.delete({ where: { id } });
};
