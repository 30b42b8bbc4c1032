import {
  isCloudError,
  type CallOptions,
  type Capability,
  type CloudProvider,
  type Scope,
} from '@yunguan/cloud-core';
import type { ResourceKind } from '@yunguan/contract';
import { conflict, precondition } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { ResourceRow } from '../../repositories/resource-repository';
import { listActiveTasksOfTargets } from '../../repositories/task-repository';
import { cachedCatalog } from '../catalog/catalog-cache';
import type { ServiceContext } from '../context';

/** The cloud of one project in one datacenter, as a storage request sees it. */
export type ProjectCloud = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  scope: Scope;
  options: CallOptions;
  /** Run a cloud call; refusals and an unreachable datacenter become domain errors. */
  call: <T>(
    fn: (provider: CloudProvider, scope: Scope, options: CallOptions) => Promise<T>,
  ) => Promise<T>;
};

/** Resolve the provider and the project's cloud scope (the tenant is bound on first use). */
export const projectCloud = async (
  ctx: ServiceContext,
  projectId: string,
  datacenterId: string,
): Promise<ProjectCloud> => {
  const { provider, datacenter } = await providerForDatacenter(ctx, datacenterId);
  const scope = await withCloudErrors(datacenter.name, () =>
    scopeForProject(ctx, provider, datacenter.id, projectId),
  );
  const options = { requestId: ctx.requestId };
  return {
    provider,
    datacenter,
    scope,
    options,
    call: (fn) => withCloudErrors(datacenter.name, () => fn(provider, scope, options)),
  };
};

/**
 * What the datacenter's cloud offers now (e.g. `volume.backup` only with an up cinder-backup),
 * shared with the datacenter list's capability cache (30 s).
 */
export const assertCapability = async (
  ctx: ServiceContext,
  cloud: Pick<ProjectCloud, 'provider' | 'datacenter'>,
  capability: Capability,
  action: string,
): Promise<void> => {
  const refuse = () =>
    precondition('datacenter_unsupported_action', { datacenter: cloud.datacenter.name, action });
  if (!cloud.provider.capabilities.has(capability)) throw refuse();
  const offered = await withCloudErrors(cloud.datacenter.name, () =>
    cachedCatalog(
      ctx.config,
      { datacenterId: cloud.datacenter.id, list: 'capabilities' },
      async () =>
        [...(await cloud.provider.discoverCapabilities({ requestId: ctx.requestId }))].sort(),
    ),
  );
  if (!offered.includes(capability)) throw refuse();
};

/**
 * The object has no unfinished task. queueTask checks too (and a unique index makes
 * it race-free); asking here first answers with the running task's name and action.
 */
export const assertNotBusy = async (
  ctx: ServiceContext,
  kind: ResourceKind,
  row: Pick<ResourceRow, 'datacenterId' | 'externalId' | 'name'>,
): Promise<void> => {
  const [active] = await listActiveTasksOfTargets(
    ctx.db,
    [{ datacenterId: row.datacenterId, externalId: row.externalId }],
    kind,
  );
  if (active)
    throw conflict('resource_busy', { name: row.name, action: active.action, taskId: active.id });
};

/** A cloud read of an object the mirror names; gone in the cloud → 409 `<what>_gone`-style. */
export const readFresh = async <T>(
  cloud: ProjectCloud,
  read: (provider: CloudProvider, scope: Scope, options: CallOptions) => Promise<T>,
  gone: () => Error,
): Promise<T> => {
  try {
    return await cloud.call(read);
  } catch (error) {
    if (isNotFoundError(error)) throw gone();
    throw error;
  }
};

const isNotFoundError = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === 'NOT_FOUND' ||
  (isCloudError(error) && error.kind === 'not-found');
