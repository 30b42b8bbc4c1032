import type { ServerDto, ServerStatus } from './dto';
import type { LoadBalancerDto } from './network-dto';
import type { VolumeBackupDto, VolumeDto, VolumeSnapshotDto } from './storage-dto';

/** The resources whose long operations a worker can follow, and what a look at them returns. */
export type OperationResources = {
  server: ServerDto;
  volume: VolumeDto;
  'volume-snapshot': VolumeSnapshotDto;
  'volume-backup': VolumeBackupDto;
  'load-balancer': LoadBalancerDto;
};
export type OperationResourceType = keyof OperationResources;

/**
 * The status words an operation on R settles on: the server's own union; the cloud's words for
 * the others (a load balancer's provisioning status). `deleted` means the resource must be gone.
 */
export type OperationStatus<R extends OperationResourceType> = R extends 'server'
  ? ServerStatus
  : string;

/**
 * A long operation the cloud accepted but has not finished, on any resource type. Adapters
 * return it at once (or a caller builds one with `operationHandle` for a create that answered
 * with the new object); the worker follows it with `followOperation` until it settles.
 * JSON-serialisable: it is stored with the task so a restarted worker can pick it up again.
 */
export type OperationHandle<R extends OperationResourceType = 'server'> = {
  kind: `${R}.create` | `${R}.action` | `${R}.delete`;
  resourceType: R;
  externalId: string;
  projectExternalId: string;
  /** For actions: which one, so progress can be judged (e.g. resize waits for VERIFY_RESIZE). */
  action?: string;
  /** The statuses that mean done. `deleted` means the resource must be gone. */
  settlesOn: OperationStatus<R>[];
  startedAt: string;
  /** What the operation made besides the server, e.g. the image of a snapshot. */
  createdImageExternalId?: string;
};

/** A handle of any resource type (what a task stores). */
export type AnyOperationHandle = {
  [R in OperationResourceType]: OperationHandle<R>;
}[OperationResourceType];

export type OperationProgress<R extends OperationResourceType = 'server'> =
  | { state: 'pending'; detail: string; resource?: OperationResources[R] }
  | { state: 'succeeded'; detail: string; resource?: OperationResources[R] }
  | {
      state: 'failed';
      detail: string;
      /** A sentence a user can act on, e.g. the cloud's fault message. */
      reason: string;
      resource?: OperationResources[R];
    };

/** A handle for an operation the caller started (e.g. a volume create that answered at once). */
export const operationHandle = <R extends OperationResourceType>(
  handle: Omit<OperationHandle<R>, 'startedAt'> & { startedAt?: string },
): OperationHandle<R> => ({ ...handle, startedAt: handle.startedAt ?? new Date().toISOString() });
