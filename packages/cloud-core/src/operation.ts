import type { ServerDto, ServerStatus } from './dto';

/**
 * A long operation the cloud accepted but has not finished. Adapters return it at once; the
 * worker's job follows it with `followOperation` until it settles. JSON-serialisable: it is
 * stored with the task so a restarted worker can pick it up again.
 */
export type OperationHandle = {
  kind: 'server.create' | 'server.action' | 'server.delete';
  resourceType: 'server';
  externalId: string;
  projectExternalId: string;
  /** For actions: which one, so progress can be judged (e.g. resize waits for VERIFY_RESIZE). */
  action?: string;
  /** The statuses that mean done. `deleted` means the resource must be gone. */
  settlesOn: ServerStatus[];
  startedAt: string;
  /** What the operation made besides the server, e.g. the image of a snapshot. */
  createdImageExternalId?: string;
};

export type OperationProgress =
  | { state: 'pending'; detail: string; resource?: ServerDto }
  | { state: 'succeeded'; detail: string; resource?: ServerDto }
  | {
      state: 'failed';
      detail: string;
      /** A sentence a user can act on, e.g. the cloud's fault message. */
      reason: string;
      resource?: ServerDto;
    };
