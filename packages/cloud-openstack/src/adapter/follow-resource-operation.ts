import {
  CloudError,
  isCloudError,
  type AnyOperationHandle,
  type BlockStoragePort,
  type CallOptions,
  type LoadBalancingPort,
  type OperationProgress,
  type OperationResourceType,
  type Scope,
} from '@yunguan/cloud-core';

type Looked = { status: string; failReason?: string | null };

/**
 * One look at an operation on a resource without a server's history: read it, compare its
 * status with what the handle settles on. Gone is success for a delete; an `error*` status is
 * a failure in the cloud's words when it gave some.
 */
export const followByStatus = async <T extends Looked>(
  handle: Pick<AnyOperationHandle, 'kind' | 'externalId' | 'resourceType'> & {
    settlesOn: readonly string[];
  },
  read: () => Promise<T>,
): Promise<{
  state: OperationProgress['state'];
  detail: string;
  reason?: string;
  resource?: T;
}> => {
  let resource: T;
  try {
    resource = await read();
  } catch (error) {
    if (!isCloudError(error) || error.kind !== 'not-found') throw error;
    if (handle.kind.endsWith('.delete')) return { state: 'succeeded', detail: 'deleted' };
    const reason = `The ${handle.resourceType} ${handle.externalId} no longer exists in the cloud.`;
    return { state: 'failed', detail: 'gone', reason };
  }
  const detail = resource.status;
  if (/^error/i.test(resource.status)) {
    const reason =
      resource.failReason?.trim() ||
      `The ${handle.resourceType} went into ${resource.status} and the cloud gave no reason.`;
    return { state: 'failed', detail, reason, resource };
  }
  if (handle.settlesOn.includes(resource.status)) return { state: 'succeeded', detail, resource };
  return { state: 'pending', detail, resource };
};

/** The sub-ports whose resources have operations to follow besides servers. */
export type FollowablePorts = {
  blockStorage: BlockStoragePort;
  loadBalancing: LoadBalancingPort;
};

/** One look at a non-server operation through the sub-port that owns its resource. */
export const followResourceOperation = async (
  ports: FollowablePorts,
  handle: Exclude<AnyOperationHandle, { resourceType: 'server' }>,
  options?: CallOptions,
): Promise<OperationProgress<Exclude<OperationResourceType, 'server'>>> => {
  const scope: Scope = { projectExternalId: handle.projectExternalId };
  const id = handle.externalId;
  const { blockStorage, loadBalancing } = ports;
  switch (handle.resourceType) {
    case 'volume':
      return progress(
        await followByStatus(handle, () => blockStorage.getVolume(scope, id, options)),
      );
    case 'volume-snapshot':
      return progress(
        await followByStatus(handle, () => blockStorage.getVolumeSnapshot(scope, id, options)),
      );
    case 'volume-backup':
      return progress(
        await followByStatus(handle, () => blockStorage.getVolumeBackup(scope, id, options)),
      );
    case 'load-balancer':
      return progress(
        await followByStatus(handle, async () => {
          const lb = await loadBalancing.getLoadBalancer(scope, id, options);
          return { ...lb, status: lb.provisioningStatus };
        }),
      );
    default:
      throw new CloudError({
        kind: 'bad-request',
        provider: 'openstack',
        service: 'adapter',
        method: 'followOperation',
        url: '',
        expected: [],
        actual: 0,
        upstreamMessage: `No operations to follow on ${String((handle as { resourceType: unknown }).resourceType)}.`,
      });
  }
};

const progress = <T>(look: {
  state: OperationProgress['state'];
  detail: string;
  reason?: string;
  resource?: T;
}): OperationProgress<Exclude<OperationResourceType, 'server'>> =>
  (look.state === 'failed'
    ? { ...look, reason: look.reason ?? look.detail }
    : look) as OperationProgress<Exclude<OperationResourceType, 'server'>>;
