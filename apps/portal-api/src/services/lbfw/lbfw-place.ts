import type { LbfwKind, ResourceKind, Task } from '@yunguan/contract';
import { notFound, type Permission } from '@yunguan/domain';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import type { ProjectRow } from '../../repositories/project-repository';
import { findResource, type ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { bindProject, datacenterCloud, type ProjectCloud } from '../project-cloud';
import { earlierTask } from '../resources/earlier-task';
import { findResourceFor } from '../resources/find-resource-for';
import { assertLbfwCapability } from './lbfw-capability';

/** Where a firewall/load-balancer request acts: the project, its cloud and its cloud project. */
export type LbfwPlace = ProjectCloud & { project: ProjectRow };

const placeOf = async (
  ctx: ServiceContext,
  project: ProjectRow,
  datacenterId: string,
  kind: LbfwKind,
): Promise<LbfwPlace> => {
  const cloud = await datacenterCloud(ctx, datacenterId);
  await assertLbfwCapability(cloud, kind);
  return { project, ...(await bindProject(ctx, cloud, project.id)) };
};

/** What a request that takes an Idempotency-Key is: its key and task action. */
export type Retry = { idempotencyKey?: string | undefined; action: string };

/**
 * A retried request (same Idempotency-Key) gets its earlier task back right after the tenancy
 * check, before any state check: after an add-listener succeeded its port is taken, after a
 * delete the object is gone, and the retry must not be refused for that.
 */
export type PlaceOrEarlier<P> = { earlier: Task } | (P & { earlier?: undefined });

/** A create: resource.use in the project, a datacenter that offers the kind's service. */
export const placeForCreate = async (
  ctx: ServiceContext,
  projectId: string,
  input: { datacenterId: string; name: string; idempotencyKey?: string | undefined },
  kind: LbfwKind,
): Promise<PlaceOrEarlier<LbfwPlace>> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierTask(ctx, input.idempotencyKey, {
    projectId: project.id,
    action: `${kind}.create`,
    targetName: input.name,
  });
  if (earlier) return { earlier };
  return placeOf(ctx, project, input.datacenterId, kind);
};

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
 * An existing object to change or delete (resource.use): a retry of an earlier request on it
 * (even one that deleted it) gets that task back; otherwise a live object and where it lives.
 */
export const placeForChange = async (
  ctx: ServiceContext,
  kind: LbfwKind,
  id: string,
  retry: Retry,
): Promise<PlaceOrEarlier<LbfwPlace & { row: ResourceRow }>> => {
  const { row, project } = await findResourceFor(ctx, kind, id, 'resource.use', {
    includeDeleted: true,
  });
  const earlier = await earlierTask(ctx, retry.idempotencyKey, {
    projectId: project.id,
    action: retry.action,
    targetExternalId: row.externalId,
  });
  if (earlier) return { earlier };
  if (row.deletedAt) throw notFound(kind, id);
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
