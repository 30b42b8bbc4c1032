import type { ResourceKind } from '@yunguan/contract';
import { assertCan, notFound, type Permission } from '@yunguan/domain';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import { findProjectRow, type ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';

/**
 * A storage/network object from the mirror with its project, checking `permission` on it:
 * outside the caller's reach, deleted, or owned by no portal project it does not exist (404) —
 * so another tenant's volume cannot be named, let alone attached.
 */
export const findResourceFor = async (
  ctx: ServiceContext,
  kind: ResourceKind,
  id: string,
  permission: Permission,
  options: { includeDeleted?: boolean } = {},
): Promise<{ row: ResourceRow; project: ProjectRow }> => {
  const row = await findResourceRowOfKind(ctx.db, id, kind);
  const project = row?.projectId ? await findProjectRow(ctx.db, row.projectId) : null;
  if (!row || !project || (row.deletedAt && !options.includeDeleted)) throw notFound(kind, id);
  assertCan(
    ctx.principal,
    permission,
    { departmentId: project.departmentId, projectId: project.id },
    'resource.read',
    kind,
  );
  return { row, project };
};
