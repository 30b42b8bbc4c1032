import type { DbClient } from './db-client';

export type QuotaRow = {
  id: string;
  scope: string;
  departmentId: string;
  projectId: string | null;
  resource: string;
  limit: number;
};

const select = {
  id: true,
  scope: true,
  departmentId: true,
  projectId: true,
  resource: true,
  limit: true,
} as const;

/** Every stored row of these departments (department rows and their projects' rows). */
export const listQuotaRowsOfDepartments = (
  db: DbClient,
  departmentIds: string[],
): Promise<QuotaRow[]> =>
  db.quota.findMany({ where: { departmentId: { in: departmentIds } }, select });

export const findQuotaRow = (db: DbClient, id: string): Promise<QuotaRow | null> =>
  db.quota.findUnique({ where: { id }, select });

export const insertQuota = (
  db: DbClient,
  data: {
    scope: string;
    departmentId: string;
    projectId: string | null;
    resource: string;
    limit: number;
  },
): Promise<QuotaRow> => db.quota.create({ data, select });

export const updateQuotaLimit = (db: DbClient, id: string, limit: number): Promise<QuotaRow> =>
  db.quota.update({ where: { id }, data: { limit }, select });

export const deleteQuotaRow = async (db: DbClient, id: string): Promise<void> => {
  await db.quota.delete({ where: { id } });
};

/** Serialise quota changes of one department (SELECT … FOR UPDATE on the department row), so
 * two concurrent project allocations cannot both take the last units. */
export const lockDepartmentForQuota = async (db: DbClient, departmentId: string): Promise<void> => {
  await db.$queryRaw`SELECT id FROM department WHERE id = ${departmentId} FOR UPDATE`;
};
