import { z } from 'zod';
import { cloudRefSchema, nameSchema } from '../common';
import type { ServerStatus } from './server.schema';
import { idempotencyKeySchema } from './server.schema';

const externalRef = cloudRefSchema;
const key = { idempotencyKey: idempotencyKeySchema.optional() };
const plain = <A extends string>(action: A) => z.object({ action: z.literal(action), ...key });

/** POST /api/v1/servers/:id/actions — one of these. */
export const serverActionInput = z.discriminatedUnion('action', [
  plain('start'),
  plain('stop'),
  z.object({ action: z.literal('reboot'), hard: z.boolean().default(false), ...key }),
  z.object({ action: z.literal('resize'), flavorId: externalRef, ...key }),
  plain('confirm-resize'),
  plain('revert-resize'),
  z.object({ action: z.literal('rebuild'), imageId: externalRef, ...key }),
  z.object({ action: z.literal('snapshot'), imageName: nameSchema, ...key }),
  plain('lock'),
  plain('unlock'),
  plain('suspend'),
  plain('resume'),
  plain('pause'),
  plain('unpause'),
  z.object({ action: z.literal('migrate'), host: externalRef.optional(), ...key }),
  z.object({ action: z.literal('live-migrate'), host: externalRef.optional(), ...key }),
]);
export type ServerActionInput = z.output<typeof serverActionInput>;
export type ServerActionName = ServerActionInput['action'];

/** Actions only platform compute administrators (compute.admin) may run. */
export const adminServerActions: readonly ServerActionName[] = ['migrate', 'live-migrate'];

/** In which states an action makes sense (Nova's rules, simplified). `delete` is included. */
export const serverActionStates: Record<ServerActionName | 'delete', readonly ServerStatus[]> = {
  start: ['stopped'],
  stop: ['active', 'error'],
  reboot: ['active', 'stopped', 'paused', 'suspended', 'error'],
  resize: ['active', 'stopped'],
  'confirm-resize': ['verify-resize'],
  'revert-resize': ['verify-resize'],
  rebuild: ['active', 'stopped', 'error'],
  snapshot: ['active', 'stopped', 'paused', 'suspended'],
  lock: ['active', 'stopped', 'paused', 'suspended', 'shelved', 'error', 'verify-resize'],
  unlock: ['active', 'stopped', 'paused', 'suspended', 'shelved', 'error', 'verify-resize'],
  suspend: ['active'],
  resume: ['suspended'],
  pause: ['active'],
  unpause: ['paused'],
  migrate: ['active', 'stopped'],
  'live-migrate': ['active', 'paused'],
  delete: [
    'building',
    'active',
    'stopped',
    'paused',
    'suspended',
    'shelved',
    'rebooting',
    'resizing',
    'verify-resize',
    'reverting-resize',
    'migrating',
    'rebuilding',
    'error',
    'unknown',
  ],
};

/** Why an action is refused in this state, or null when it is allowed. Pure; web uses it too. */
export const serverActionRefusal = (
  action: ServerActionName | 'delete',
  server: { status: ServerStatus; locked: boolean },
): 'locked' | 'already_locked' | 'not_locked' | 'wrong_state' | null => {
  if (action === 'lock' && server.locked) return 'already_locked';
  if (action === 'unlock' && !server.locked) return 'not_locked';
  if (server.locked && action !== 'unlock' && action !== 'lock') return 'locked';
  return serverActionStates[action].includes(server.status) ? null : 'wrong_state';
};

/** Every action the state allows. */
export const serverActionsAllowed = (server: {
  status: ServerStatus;
  locked: boolean;
}): (ServerActionName | 'delete')[] =>
  (Object.keys(serverActionStates) as (ServerActionName | 'delete')[]).filter(
    (a) => serverActionRefusal(a, server) === null,
  );
