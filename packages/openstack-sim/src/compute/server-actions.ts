import type { FastifyInstance } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { bodyOf, requestIdOf } from './nova-http';
import { findServer, recordAction } from './server-service';
import { checkLocked } from './servers-routes';
import { imageRebuildActions } from './image-rebuild-actions';
import { miscActions } from './misc-actions';
import { powerActions } from './power-actions';
import { resizeMigrateActions } from './resize-migrate-actions';
import type { ServerActionHandlers } from './server-action-kit';

const actions: ServerActionHandlers = {
  ...powerActions,
  ...resizeMigrateActions,
  ...imageRebuildActions,
  ...miscActions,
};

/** Instance-action names as Nova records them. */
const actionNames: Record<string, string> = {
  'os-stop': 'stop',
  'os-start': 'start',
  'os-migrateLive': 'live-migration',
  createImage: 'createImage',
};

export const registerServerActions = (scope: FastifyInstance, ctx: SimContext) => {
  scope.post<{ Params: { id: string } }>('/servers/:id/action', (request, reply) => {
    const caller = ctx.caller(request);
    const server = findServer(ctx, caller, request.params.id);
    const body = bodyOf(request);
    const name = Object.keys(body)[0] ?? '';
    const handler = actions[name];
    if (!handler) throw novaError('badRequest', `There is no such action: ${name}`);
    // Read-only actions, and restore/forceDelete that always refuse: no instance action row.
    const readOnly = ['os-getConsoleOutput', 'os-getVNCConsole', 'restore', 'forceDelete'].includes(
      name,
    );
    if (name !== 'unlock' && !readOnly) checkLocked(caller, server);
    if (name === 'unlock' && !caller.isAdmin && server.locked && server.userId !== caller.userId)
      throw novaError('forbidden', 'Unlocking a server locked by an admin requires admin rights.');
    const requestId = requestIdOf(request);
    if (!readOnly) recordAction(ctx, caller, server, actionNames[name] ?? name, requestId);
    const result = handler({ ctx, caller, server, body, request, reply, requestId });
    if (result === 204) return void reply.code(204).send();
    if (result && typeof result === 'object' && 'code' in result) {
      const r = result as { code: number; body?: unknown };
      return void reply.code(r.code).send(r.body);
    }
    return void reply.code(202).send();
  });
};
