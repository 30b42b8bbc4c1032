import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import { notFound } from '@yunguan/domain';
import { findProjectRow } from '../repositories/project-repository';
import {
  findTenantBinding,
  insertTenantBinding,
  withTenantBindingLock,
} from '../repositories/tenant-binding-repository';
import type { CloudDeps } from './cloud-deps';
import { registrationFor } from './provider-registry';

/** Callers in this process asking for the same binding share one attempt. */
const inFlight = new Map<string, Promise<Scope>>();

const bindOnce = async (
  deps: CloudDeps,
  provider: CloudProvider,
  datacenterId: string,
  projectId: string,
  signal?: AbortSignal,
): Promise<Scope> => {
  const project = await findProjectRow(deps.db, projectId);
  if (!project) throw notFound('project', projectId);
  // Across processes the advisory lock makes later callers wait and then find the binding.
  return withTenantBindingLock(deps.db, datacenterId, projectId, async (tx) => {
    const existing = await findTenantBinding(tx, datacenterId, projectId);
    if (existing) return { projectExternalId: existing.projectExternalId };
    const registration = registrationFor(provider.kind, datacenterId);
    const answered = await provider.ensureTenant(
      {
        departmentId: project.departmentId,
        departmentName: project.department.name,
        projectId: project.id,
        projectName: project.name,
      },
      signal ? { signal } : undefined,
    );
    // The adapter's own binding schema: what is stored is what the adapter promised.
    const { projectExternalId, ...mapping } = registration.tenantBindingSchema.parse(answered);
    await insertTenantBinding(tx, { datacenterId, projectId, projectExternalId, mapping });
    return { projectExternalId };
  });
};

/**
 * The cloud scope of a portal project in a datacenter: its stored TenantBinding, or — on first
 * use — the department and project made sure of in the cloud (provider.ensureTenant) and the
 * binding stored (the scope id in a column, the adapter's mapping as JSON). Concurrent first
 * callers create exactly one binding. Authorisation is the caller's job.
 */
export const scopeForProject = async (
  deps: CloudDeps,
  provider: CloudProvider,
  datacenterId: string,
  projectId: string,
  options: { signal?: AbortSignal } = {},
): Promise<Scope> => {
  const existing = await findTenantBinding(deps.db, datacenterId, projectId);
  if (existing) return { projectExternalId: existing.projectExternalId };
  const key = `${datacenterId}:${projectId}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = bindOnce(deps, provider, datacenterId, projectId, options.signal).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, pending);
  }
  return pending;
};
