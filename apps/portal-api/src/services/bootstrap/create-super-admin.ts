import { builtInRoles, type Principal } from '@yunguan/domain';
import type { Database } from '../../repositories/db-client';
import { insertUser, type UserRow } from '../../repositories/user-repository';
import { hashPassword } from '../../security/password';
import type { ServiceConfig, ServiceContext } from '../context';

/**
 * Bootstrap verb (seed, tests, first install — never an HTTP route): create a platform super
 * admin and return a service context acting as them, so everything after goes through services.
 */
export const createSuperAdmin = async (
  db: Database,
  config: ServiceConfig,
  input: { username: string; password: string; displayName: string; now?: () => Date },
): Promise<{ user: UserRow; ctx: ServiceContext }> => {
  const user = await insertUser(db, {
    username: input.username,
    passwordHash: await hashPassword(input.password, config.hashCost),
    departmentId: null,
    displayName: input.displayName,
    email: null,
    assignments: [
      { roleId: 'super_admin', scope: 'platform', departmentId: null, projectId: null },
    ],
  });
  const principal: Principal = {
    userId: user.id,
    username: user.username,
    departmentId: null,
    grants: [
      {
        roleId: 'super_admin',
        scope: 'platform',
        departmentId: null,
        projectId: null,
        ...builtInRoles.super_admin,
      },
    ],
  };
  const ctx: ServiceContext = {
    db,
    config,
    requestId: `bootstrap-${input.username}`,
    sourceIp: null,
    now: input.now ?? (() => new Date()),
    audit: { written: false },
    principal,
    sessionId: null,
  };
  return { user, ctx };
};
