import type { CallOptions, CloudProvider, Scope } from '@yunguan/cloud-core';
import {
  assertHas,
  hasAnyGrantOf,
  notFound,
  platformTarget,
  type Permission,
} from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';

/** Catalog reads wait at most this long for the cloud. */
export const CATALOG_CALL_TIMEOUT_MS = 10_000;

export type CatalogAccess = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  options: CallOptions;
};

const optionsOf = (ctx: ServiceContext): CallOptions => ({
  requestId: ctx.requestId,
  timeoutMs: CATALOG_CALL_TIMEOUT_MS,
});

/**
 * Datacenter-wide catalog (flavors, zones): anyone who may read resources somewhere. Someone
 * with no resource.read at all learns nothing, not even that the datacenter exists (404).
 */
export const datacenterCatalogAccess = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<CatalogAccess> => {
  if (!hasAnyGrantOf(ctx.principal, 'resource.read')) throw notFound('datacenter', datacenterId);
  return { ...(await providerForDatacenter(ctx, datacenterId)), options: optionsOf(ctx) };
};

/** Platform compute administration (hypervisors, aggregates): compute.admin only. */
export const computeAdminAccess = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<CatalogAccess> => {
  assertHas(ctx.principal, 'compute.admin', platformTarget);
  return { ...(await providerForDatacenter(ctx, datacenterId)), options: optionsOf(ctx) };
};

/**
 * A project's view of the datacenter: the caller must reach the project with `permission`
 * (404 when it is outside their reach, 403 when they see it but may not act); the project's
 * tenant is bound on first use.
 */
export const projectCatalogAccess = async (
  ctx: ServiceContext,
  datacenterId: string,
  projectId: string,
  permission: Permission = 'resource.read',
): Promise<CatalogAccess & { scope: Scope; project: { id: string; departmentId: string } }> => {
  const project = await findProjectFor(ctx, projectId, permission);
  const access = { ...(await providerForDatacenter(ctx, datacenterId)), options: optionsOf(ctx) };
  const scope = await withCloudErrors(access.datacenter.name, () =>
    scopeForProject(ctx, access.provider, datacenterId, projectId),
  );
  return { ...access, scope, project: { id: project.id, departmentId: project.departmentId } };
};
