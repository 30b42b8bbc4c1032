import type { Database } from '../repositories/db-client';
import { findUserByUsername } from '../repositories/user-repository';
import { createSuperAdmin } from '../services/bootstrap/create-super-admin';
import type { ServiceConfig } from '../services/context';
import { createDepartment } from '../services/departments/create-department';
import { createProject } from '../services/projects/create-project';
import { createQuota } from '../services/quotas/create-quota';
import { createUser } from '../services/users/create-user';

export type DemoLogin = { username: string; role: string; scope: string };

/**
 * Seed the demo organisation once: the super admin `admin`, two departments with projects and
 * one user of each built-in role. Everything after the first user goes through the services, so
 * the demo data is exactly what the API would create (audit rows included).
 */
export const seedDemo = async (
  db: Database,
  config: ServiceConfig,
  input: { password: string },
): Promise<{ created: boolean; logins: DemoLogin[] }> => {
  const logins: DemoLogin[] = [
    { username: 'admin', role: 'super_admin', scope: 'platform' },
    { username: 'rd-admin', role: 'department_admin', scope: '研发部' },
    { username: 'rd-lead', role: 'project_admin', scope: '研发部 / web-shop' },
    { username: 'rd-dev', role: 'member', scope: '研发部 / web-shop' },
    { username: 'fin-admin', role: 'department_admin', scope: '财务部' },
  ];
  if (await findUserByUsername(db, 'admin')) return { created: false, logins };

  const { ctx } = await createSuperAdmin(db, config, {
    username: 'admin',
    password: input.password,
    displayName: '平台管理员',
  });
  const rd = await createDepartment(ctx, { name: '研发部', description: '研发与测试' });
  const fin = await createDepartment(ctx, { name: '财务部', description: '财务与结算' });
  const shop = await createProject(ctx, {
    name: 'web-shop',
    description: '网上商城',
    departmentId: rd.id,
  });
  await createProject(ctx, {
    name: 'data-platform',
    description: '数据平台',
    departmentId: rd.id,
  });
  await createProject(ctx, { name: 'ledger', description: '总账系统', departmentId: fin.id });
  for (const [resource, limit] of [
    ['instances', 50],
    ['vcpus', 200],
    ['ram_mb', 409_600],
    ['volume_gb', 10_000],
  ] as const) {
    await createQuota(ctx, { scope: 'department', departmentId: rd.id, resource, limit });
  }
  await createQuota(ctx, {
    scope: 'project',
    projectId: shop.id,
    resource: 'instances',
    limit: 20,
  });
  await createQuota(ctx, { scope: 'project', projectId: shop.id, resource: 'vcpus', limit: 80 });
  // 160 GiB: without a RAM share every create in web-shop would be refused (limit 0).
  await createQuota(ctx, {
    scope: 'project',
    projectId: shop.id,
    resource: 'ram_mb',
    limit: 163_840,
  });
  // 2 TB of disk: under 研发部's volume_gb limit a project without its own share may use none.
  await createQuota(ctx, {
    scope: 'project',
    projectId: shop.id,
    resource: 'volume_gb',
    limit: 2_000,
  });
  const users = [
    {
      username: 'rd-admin',
      departmentId: rd.id,
      displayName: '研发部管理员',
      roles: [{ role: 'department_admin', scope: 'department' as const, departmentId: rd.id }],
    },
    {
      username: 'rd-lead',
      departmentId: rd.id,
      displayName: 'web-shop 项目管理员',
      roles: [{ role: 'project_admin', scope: 'project' as const, projectId: shop.id }],
    },
    {
      username: 'rd-dev',
      departmentId: rd.id,
      displayName: 'web-shop 开发',
      roles: [{ role: 'member', scope: 'project' as const, projectId: shop.id }],
    },
    {
      username: 'fin-admin',
      departmentId: fin.id,
      displayName: '财务部管理员',
      roles: [{ role: 'department_admin', scope: 'department' as const, departmentId: fin.id }],
    },
  ];
  for (const u of users) await createUser(ctx, { ...u, password: input.password });
  return { created: true, logins };
};
