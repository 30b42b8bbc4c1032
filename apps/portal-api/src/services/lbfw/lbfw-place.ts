import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import type { LbfwKind, ResourceKind } from '@yunguan/contract';
import { notFound, type Permission } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import type { ProjectRow } from '../../repositories/project-repository';
import { findResource, type ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { findResourceFor } from '../resources/find-resource-for';
import { assertLbfwCapability } from './lbfw-capability';

/** Where a firewall/load-balancer request acts: the project, its cloud and its cloud project. */
export type LbfwPlace = {
  project: ProjectRow;
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  scope: Scope;
};

const placeOf = async (
  ctx: ServiceContext,
  project: ProjectRow,
  datacenterId: string,
  kind: LbfwKind,
): Promise<LbfwPlace> => {
  const { provider, datacenter } = await providerForDatacenter(ctx, datacenterId);
  await assertLbfwCapability(ctx, provider, datacenter, kind);
  const scope = await withCloudErrors(datacenter.name, () =>
    scopeForProject(ctx, provider, datacenter.id, project.id),
  );
  return { project, provider, datacenter, scope };
};

/** A create: resource.use in the project, a datacenter that offers the kind's service. */
export const placeForCreate = async (
  ctx: ServiceContext,
  projectId: string,
  datacenterId: string,
  kind: LbfwKind,
): Promise<LbfwPlace> =>
  placeOf(ctx, await findProjectFor(ctx, projectId, 'resource.use'), datacenterId, kind);

/** An existing object (404 outside the caller's reach) and where it lives. */
export const placeOfObject = async (
  ctx: ServiceContext,
  kind: LbfwKind,
  id: string,
  permission: Permission = 'resource.use',
): Promise<LbfwPlace & { row: ResourceRow }> => {
  const { row, project } = await findResourceFor(ctx, kind, id, permission);
  return { row, ...(await placeOf(ctx, project, row.datacenterId, kind)) };
};

/**
 * A live mirror object of `kind` in the place's project and datacenter, named by its mirror id
 * or its cloud id; anything else (another project's, deleted, unknown) does not exist (404).
 */
export const findObjectInPlace = async (
  ctx: ServiceContext,
  place: Pick<LbfwPlace, 'project' | 'datacenter'>,
  kind: ResourceKind,
  ref: string,
): Promise<ResourceRow> => {
  const row =
    (await findResourceRowOfKind(ctx.db, ref, kind)) ??
    (await findResource(ctx.db, place.datacenter.id, kind, ref));
  if (
    !row ||
    row.deletedAt ||
    row.projectId !== place.project.id ||
    row.datacenterId !== place.datacenter.id
  )
    throw notFound(kind, ref);
  return row;
};
