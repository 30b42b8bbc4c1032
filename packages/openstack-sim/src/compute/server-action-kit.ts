import type { FastifyReply, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { type Server } from './compute-state';
import { type Body } from './nova-http';
import { finishAction, setState } from './server-service';

/** What every server action handler gets, and the state helpers they share. */
export type ActionInput = {
  ctx: SimContext;
  caller: SimCaller;
  server: Server;
  body: Body;
  request: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
};

export const conflict = (s: Server, action: string) =>
  novaError(
    'conflictingRequest',
    `Cannot '${action}' instance ${s.id} while it is in vm_state ${s.vmState}`,
  );

export const requireState = (s: Server, action: string, vmStates: string[], allowTask = false) => {
  if (!vmStates.includes(s.vmState)) throw conflict(s, action);
  if (!allowTask && s.taskState)
    throw novaError(
      'conflictingRequest',
      `Cannot '${action}' instance ${s.id} while it is in task_state ${s.taskState}`,
    );
};

/** Set the transitional state now and the final one after ctx.delays.actionMs. */
export const transition = (
  { ctx, server: s }: ActionInput,
  now: { status: string; task: string },
  done: { status: string; vmState: string; power: number },
  after?: () => void,
) => {
  setState(ctx, s, now.status, s.vmState, now.task);
  ctx.later(ctx.delays.actionMs, () => {
    if (s.deleted) return;
    setState(ctx, s, done.status, done.vmState, null, done.power);
    after?.();
    finishAction(ctx, s, 'Success');
  });
};

export const wasRunning = (s: Server) => s.vmState === 'active';

/** Handlers by the action's body key; the result: 204, `{ code, body }` or nothing (202). */
export type ServerActionHandlers = Record<string, (a: ActionInput) => unknown>;
