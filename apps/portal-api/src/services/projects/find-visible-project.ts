import { assertCan, notFound, type Permission } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { findProjectRow, type ProjectRow } from '../../repositories/project-repository';
import type { ServiceContext } from '../context';

/** Load a project and check `permission` on it (404 when out of reach). */
export const findProjectFor = async (
  ctx: ServiceContext,
  id: string,
  permission: Permission,
  db: DbClient = ctx.db,
): Promise<ProjectRow> => {
  const row = await findProjectRow(db, id);
  if (!row) throw notFound('project', id);
  assertCan(
    ctx.principal,
    permission,
    { departmentId: row.departmentId, projectId: row.id },
    'project.read',
    'project',
  );
  return row;
};

/** The permission check of findProjectFor on a project already read (the list hot path). */
export const assertProjectAccess = (
  ctx: ServiceContext,
  project: { id: string; departmentId: string },
  permission: Permission,
): void =>
  assertCan(
    ctx.principal,
    permission,
    { departmentId: project.departmentId, projectId: project.id },
    'project.read',
    'project',
  );
