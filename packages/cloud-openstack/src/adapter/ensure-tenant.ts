import { isCloudError, type CallOptions, type TenantRef } from '@yunguan/cloud-core';
import type { OpenStackTenantBinding } from '../datacenter-credential';
import type { ProviderClient } from '../provider-client';
import type { Call, ServiceClient } from '../service-client';
import { createDomain, listDomains, updateDomain } from '../services/identity/v3/domains/requests';
import { createProject, listProjects } from '../services/identity/v3/projects/requests';
import { assignProjectRole } from '../services/identity/v3/role-assignments/requests';
import { listRoles } from '../services/identity/v3/roles/requests';

/** Find, else create; a 409 means someone else created it meanwhile: read it again. */
const findOrCreate = async <T>(find: () => Promise<T | undefined>, create: () => Promise<T>) => {
  const found = await find();
  if (found !== undefined) return found;
  try {
    return await create();
  } catch (error) {
    if (!isCloudError(error) || error.kind !== 'conflict') throw error;
    const again = await find();
    if (again === undefined) throw error;
    return again;
  }
};

export const domainNameOf = (tenant: TenantRef) => `yg-${tenant.departmentId}`;
export const projectNameOf = (tenant: TenantRef) => `yg-${tenant.projectId}`;

/** Roles the service account gets on every tenant project, so project-scoped tokens work. */
const grantedRoles = ['admin', 'member'];

/**
 * Department → Keystone domain `yg-<departmentId>`, project → project `yg-<projectId>` in it
 * (descriptions carry the portal's names). Idempotent; safe under concurrent callers.
 */
export const ensureTenant = async (
  provider: ProviderClient,
  identity: ServiceClient,
  tenant: TenantRef,
  options?: CallOptions,
): Promise<OpenStackTenantBinding> => {
  const call: Call = { scope: 'default', options };
  const domainName = domainNameOf(tenant);
  const domain = await findOrCreate(
    async () => (await listDomains(identity, call, { name: domainName }))[0],
    () => createDomain(identity, call, { name: domainName, description: tenant.departmentName }),
  );
  if (!domain.enabled) await updateDomain(identity, call, domain.id, { enabled: true });
  const projectName = projectNameOf(tenant);
  const project = await findOrCreate(
    async () =>
      (await listProjects(identity, call, { name: projectName, domain_id: domain.id }))[0],
    () =>
      createProject(identity, call, {
        name: projectName,
        domain_id: domain.id,
        description: tenant.projectName,
      }),
  );
  const { userId } = await provider.token('default', options);
  const roles = await listRoles(identity, call);
  for (const name of grantedRoles) {
    const role = roles.find((r) => r.name === name);
    if (role === undefined) continue;
    await assignProjectRole(identity, call, { projectId: project.id, userId, roleId: role.id });
  }
  return { domainExternalId: domain.id, projectExternalId: project.id };
};
