import { createHash, randomUUID } from 'node:crypto';
import type { Task, TaskAction } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { isUniqueViolation } from '../../repositories/db-client';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ServerRow } from '../../repositories/server-repository';
import {
  type TaskRow,
  findActiveTaskOfTarget,
  findTaskByIdempotencyKey,
  inTaskTransaction,
  insertTask,
} from '../../repositories/task-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { initialSteps } from '../tasks/task-steps';
import { toTask } from '../tasks/to-task';
import { checkServerQuota, type ServerDemand } from './check-server-quota';
import { oneAtATime } from './one-at-a-time';
import { queueTasks } from './queue-tasks';

const busy = (server: ServerRow, active: { id: string; action: string }) =>
  conflict('server_busy', { server: server.name, action: active.action, taskId: active.id });

/** What an idempotency key of an action stands for: the server, the action and its input. */
export const actionRequestHash = (
  serverId: string,
  action: string,
  input: Record<string, unknown>,
) => createHash('sha256').update(JSON.stringify({ serverId, action, input })).digest('hex');

const sameRequest = (
  earlier: TaskRow,
  server: ServerRow,
  action: TaskAction,
  requestHash: string,
) =>
  earlier.action === action &&
  earlier.resourceId === server.id &&
  // Tasks stored before the hash was kept compare by action and server only.
  (earlier.requestHash === null || earlier.requestHash === requestHash);

/**
 * One task on an existing server (an action or the delete): refused with CONFLICT while another
 * task is unfinished on it (a partial unique index makes that race-free), audited, queued.
 */
export const queueServerTask = async (
  ctx: ServiceContext,
  args: {
    server: ServerRow;
    project: ProjectRow;
    action: TaskAction;
    input: Record<string, string | number | boolean>;
    idempotencyKey?: string;
    /** Extra quota a resize to a larger flavor needs. */
    demand?: ServerDemand;
  },
): Promise<Task> => {
  const { server, project } = args;
  const requestHash = actionRequestHash(server.id, args.action, args.input);
  // A key names one request: the same request again gets its task, another one a CONFLICT.
  const earlierOf = async (key: string | undefined): Promise<Task | null> => {
    if (!key) return null;
    const earlier = await findTaskByIdempotencyKey(ctx.db, ctx.principal.userId, key);
    if (!earlier) return null;
    if (!sameRequest(earlier, server, args.action, requestHash))
      throw conflict('idempotency_key_reused');
    return toTask(earlier);
  };
  const earlier = await earlierOf(args.idempotencyKey);
  if (earlier) return earlier;
  const active = await findActiveTaskOfTarget(ctx.db, server.datacenterId, server.externalId);
  if (active) {
    // A twin request with the same key may have committed between the two reads above.
    const twin = await earlierOf(args.idempotencyKey);
    if (twin) return twin;
    throw busy(server, active);
  }
  const id = randomUUID();
  try {
    const row = await oneAtATime(`quota:${project.id}`, () =>
      inTaskTransaction(ctx.db, async (tx) => {
        if (args.demand) await checkServerQuota(tx, project, args.demand);
        const inserted = await insertTask(tx, {
          id,
          actorId: ctx.principal.userId,
          actorName: ctx.principal.username,
          departmentId: project.departmentId,
          projectId: project.id,
          datacenterId: server.datacenterId,
          action: args.action,
          targetType: 'server',
          targetExternalId: server.externalId,
          targetName: server.name,
          resourceId: server.id,
          input: args.input,
          secretInputEnc: null,
          steps: initialSteps(),
          jobId: id,
          idempotencyKey: args.idempotencyKey ?? null,
          requestHash,
          quotaInstances: 0,
          // A resize to a larger flavor holds the difference until it finishes.
          quotaVcpus: Math.max(0, args.demand?.vcpus ?? 0),
          quotaRamMb: Math.max(0, args.demand?.ramMb ?? 0),
        });
        await recordAudit(tx, ctx, {
          action: args.action,
          targetType: 'server',
          targetId: server.id,
          targetName: server.name,
          departmentId: project.departmentId,
          projectId: project.id,
          detail: { phase: 'queued', taskId: id, ...args.input },
        });
        return inserted;
      }),
    );
    await queueTasks(ctx, [row]);
    return toTask(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same key sent twice at once: the loser answers with the winner's task.
    const twin = await earlierOf(args.idempotencyKey);
    if (twin) return twin;
    const winner = await findActiveTaskOfTarget(ctx.db, server.datacenterId, server.externalId);
    if (winner) throw busy(server, winner);
    throw conflict('idempotency_key_reused');
  }
};
