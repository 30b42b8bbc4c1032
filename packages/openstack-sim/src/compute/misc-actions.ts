import { novaError } from '../core/errors';
import { getVncConsoleAction } from './console-routes';
import { atLeast, str, type Body } from './nova-http';
import { finishAction } from './server-service';
import { type ServerActionHandlers } from './server-action-kit';

/** Lock/unlock and the read-only console actions. */
export const miscActions: ServerActionHandlers = {
  lock: (a) => {
    a.server.locked = true;
    a.server.lockedReason = atLeast(a.request, 73)
      ? (str((a.body.lock as Body | null)?.locked_reason, 'locked_reason', false) ?? null)
      : null;
    a.ctx.store.changed();
    finishAction(a.ctx, a.server, 'Success');
  },
  unlock: (a) => {
    a.server.locked = false;
    a.server.lockedReason = null;
    a.ctx.store.changed();
    finishAction(a.ctx, a.server, 'Success');
  },
  'os-getVNCConsole': (a) => {
    if (atLeast(a.request, 6)) throw novaError('itemNotFound', 'The resource could not be found.');
    return getVncConsoleAction(a.ctx, a.request, a.server, a.body);
  },
  // The simulator deletes at once (no soft delete): nothing is ever SOFT_DELETED to restore.
  restore: (a) => {
    throw novaError(
      'conflictingRequest',
      `Cannot 'restore' instance ${a.server.id} while it is in vm_state ${a.server.vmState}`,
    );
  },
  forceDelete: (a) => {
    throw novaError(
      'conflictingRequest',
      `Cannot 'forceDelete' instance ${a.server.id} while it is in vm_state ${a.server.vmState}`,
    );
  },
  'os-getConsoleOutput': (a) => ({
    code: 200,
    body: { output: `[    0.000000] Linux version 6.1.0 (sim)\n${a.server.name} login: \n` },
  }),
};
