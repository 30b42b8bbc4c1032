import { createHash, randomUUID } from 'node:crypto';
import type { Task, TaskAction } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { isUniqueViolation, type DbClient, type JsonInput } from '../../repositories/db-client';
import type { ProjectRow } from '../../repositories/project-repository';
import {
  findActiveTaskOfTarget,
  findTaskByIdempotencyKey,
  insertTask,
  type TaskRow,
} from '../../repositories/task-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import type { QuotaDemand } from './check-quota';
import { commitInGroups } from './commit-in-groups';
import { kindOfAction } from './task-definition';
import { definitionOf, stepsOfAction } from './task-registry';
import { enqueueTasks } from './enqueue-tasks';
import { initialSteps } from './task-steps';
import { toTask } from './to-task';

/** One task a service verb has prepared: everything the worker needs, frozen. */
export type TaskRequest = {
  project: ProjectRow;
  datacenterId: string;
  action: TaskAction;
  /** The existing object an action is about; absent for creates (named once accepted). */
  target?: { externalId: string; resourceId: string };
  /** The object's name (a create's new name). */
  targetName: string;
  /** What the task's code reads (its definition's input schema); never secrets. */
  input: Record<string, JsonInput | null>;
  /** A secret the task sends once (user data), sealed at rest and dropped when it finishes. */
  secretInput?: string;
  idempotencyKey?: string;
  /** Quota the task holds until it finishes (a create, an extend, a larger flavor). */
  demand?: QuotaDemand;
  /** What a retry with the same key must repeat; defaults to a hash of this request. */
  requestHash?: string;
};

/** What an idempotency key of a single task stands for: where, what, on which object, with what. */
export const taskRequestHash = (req: {
  projectId: string;
  datacenterId: string;
  action: TaskAction;
  targetExternalId: string | null;
  input: Record<string, JsonInput | null>;
}) =>
  createHash('sha256')
    .update(
      JSON.stringify({
        projectId: req.projectId,
        datacenterId: req.datacenterId,
        action: req.action,
        target: req.targetExternalId,
        input: req.input,
      }),
    )
    .digest('hex');

const hashOf = (req: TaskRequest) =>
  taskRequestHash({
    projectId: req.project.id,
    datacenterId: req.datacenterId,
    action: req.action,
    targetExternalId: req.target?.externalId ?? null,
    input: req.input,
  });

const busy = (req: TaskRequest, active: { id: string; action: string }) =>
  kindOfAction(req.action) === 'server'
    ? conflict('server_busy', { server: req.targetName, action: active.action, taskId: active.id })
    : conflict('resource_busy', { name: req.targetName, action: active.action, taskId: active.id });

/** The stored input must be what the action's definition reads: a mismatch is our bug. */
const assertRunnable = (req: TaskRequest) => {
  const definition = definitionOf(req.action);
  if (!definition) throw new Error(`no task definition for ${req.action}`);
  definition.input.parse(req.input);
};

/**
 * Write prepared tasks in one transaction under the project's quota lock: the quota check
 * (live mirror + unfinished and held tasks + the demand), the rows, the audit; then the jobs.
 * Concurrent requests of one project share transactions (commit-in-groups.ts, ADR 0120).
 * `ctx.holdTasks` writes them `held` instead: they keep their quota and frozen input and run only
 * once released (releaseHeldTask), or never (cancelHeldTask).
 */
export const insertTasks = async (
  ctx: ServiceContext,
  project: ProjectRow,
  requests: readonly (TaskRequest & { requestHash: string })[],
  audit: (tx: DbClient, rows: TaskRow[]) => Promise<void>,
): Promise<TaskRow[]> => {
  for (const req of requests) assertRunnable(req);
  const held = ctx.holdTasks === true;
  const demand: Record<string, number> = {};
  for (const req of requests)
    for (const [k, n] of Object.entries(req.demand ?? {})) demand[k] = (demand[k] ?? 0) + (n ?? 0);
  const rows = await commitInGroups(ctx.db, project, {
    demand,
    write: async (tx) => {
      const inserted: TaskRow[] = [];
      for (const req of requests) {
        const id = randomUUID();
        inserted.push(
          await insertTask(tx, {
            id,
            actorId: ctx.principal.userId,
            actorName: ctx.principal.username,
            departmentId: project.departmentId,
            projectId: project.id,
            datacenterId: req.datacenterId,
            action: req.action,
            status: held ? 'held' : 'queued',
            targetType: kindOfAction(req.action),
            targetExternalId: req.target?.externalId ?? null,
            targetName: req.targetName,
            resourceId: req.target?.resourceId ?? null,
            input: req.input,
            secretInputEnc: req.secretInput ? ctx.config.secretBox.seal(req.secretInput) : null,
            steps: initialSteps(stepsOfAction(req.action)),
            jobId: id,
            idempotencyKey: req.idempotencyKey ?? null,
            requestHash: req.requestHash,
            quotaHeld: req.demand ?? {},
          }),
        );
      }
      await audit(tx, inserted);
      return inserted;
    },
  });
  await enqueueTasks(ctx, rows);
  return rows;
};

/**
 * Queue one task: an earlier request with the same idempotency key gets its task back (the same
 * key with another request is a CONFLICT); an object with an unfinished task is busy (CONFLICT;
 * a partial unique index makes that race-free); then insertTasks.
 */
export const queueTask = async (ctx: ServiceContext, req: TaskRequest): Promise<Task> => {
  const requestHash = req.requestHash ?? hashOf(req);
  const earlierOf = async (): Promise<Task | null> => {
    if (!req.idempotencyKey) return null;
    const earlier = await findTaskByIdempotencyKey(
      ctx.db,
      ctx.principal.userId,
      req.idempotencyKey,
    );
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) throw conflict('idempotency_key_reused');
    return toTask(earlier);
  };
  const activeOn = () =>
    req.target
      ? findActiveTaskOfTarget(
          ctx.db,
          req.datacenterId,
          req.target.externalId,
          kindOfAction(req.action),
        )
      : Promise.resolve(null);
  const earlier = await earlierOf();
  if (earlier) return earlier;
  const active = await activeOn();
  if (active) {
    // A twin request with the same key may have committed between the two reads.
    const twin = await earlierOf();
    if (twin) return twin;
    throw busy(req, active);
  }
  try {
    const [row] = await insertTasks(ctx, req.project, [{ ...req, requestHash }], (tx, rows) =>
      recordAudit(tx, ctx, {
        action: req.action,
        targetType: kindOfAction(req.action),
        targetId: req.target?.resourceId ?? rows[0]?.id ?? null,
        targetName: req.targetName,
        departmentId: req.project.departmentId,
        projectId: req.project.id,
        detail: { phase: rows[0]?.status ?? 'queued', taskId: rows[0]?.id ?? null, ...req.input },
      }),
    );
    if (!row) throw new Error('insertTasks returned no row');
    return toTask(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same key sent twice at once: the loser answers with the winner's task.
    const twin = await earlierOf();
    if (twin) return twin;
    const winner = await activeOn();
    if (winner) throw busy(req, winner);
    throw conflict('idempotency_key_reused');
  }
};
