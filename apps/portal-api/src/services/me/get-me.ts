import type { Me } from '@yunguan/contract';
import { DomainError, isPlatformAdmin, menusOf, permissionsOf, reachOf } from '@yunguan/domain';
import { listDepartmentRows } from '../../repositories/department-repository';
import { listProjectRows } from '../../repositories/project-repository';
import { findUserRow } from '../../repositories/user-repository';
import type { ServiceContext } from '../context';
import { toUser } from '../mappers';

/** The caller's own view: no permission needed beyond being logged in. */
export const getMe = async (
  ctx: ServiceContext,
  session: { via: 'session' | 'api_token'; expiresAt: Date },
): Promise<Me> => {
  const projectReach = reachOf(ctx.principal, 'project.read');
  const departmentReach = reachOf(ctx.principal, 'department.read');
  const [user, projects, departments] = await Promise.all([
    findUserRow(ctx.db, ctx.principal.userId),
    listProjectRows(ctx.db, { reach: projectReach, page: 1, pageSize: 500 }),
    listDepartmentRows(ctx.db, { reach: departmentReach, page: 1, pageSize: 500 }),
  ]);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'user gone', { reason: 'session_expired' });
  return {
    user: toUser(user, ctx.now()),
    isPlatformAdmin: isPlatformAdmin(ctx.principal),
    permissions: permissionsOf(ctx.principal),
    menus: menusOf(ctx.principal),
    departments: departments.rows.map((d) => ({ id: d.id, name: d.name })),
    projects: projects.rows.map((p) => ({
      id: p.id,
      name: p.name,
      departmentId: p.departmentId,
      departmentName: p.department.name,
    })),
    session: { expiresAt: session.expiresAt.toISOString(), via: session.via },
  };
};
