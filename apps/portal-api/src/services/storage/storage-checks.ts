import {
  isCloudError,
  type CallOptions,
  type CloudProvider,
  type Scope,
} from '@yunguan/cloud-core';
import type { ResourceKind } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import type { ResourceRow } from '../../repositories/resource-repository';
import { listActiveTasksOfTargets } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import type { ProjectCloud } from '../project-cloud';

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
