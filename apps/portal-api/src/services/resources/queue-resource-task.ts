import { createHash, randomUUID } from 'node:crypto';
import type { ResourceKind, ResourceTaskAction, Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { isUniqueViolation, type JsonInput } from '../../repositories/db-client';
import type { ProjectRow } from '../../repositories/project-repository';
import {
  findActiveTaskOfTarget,
  findTaskByIdempotencyKey,
  inTaskTransaction,
  insertTask,
  type TaskRow,
} from '../../repositories/task-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { oneAtATime } from '../servers/one-at-a-time';
import { queueTasks } from '../servers/queue-tasks';
import { initialSteps } from '../tasks/task-steps';
import { toTask } from '../tasks/to-task';
import { checkResourceQuota, type ResourceDemand } from './check-resource-quota';
import { stepsOfAction } from './resource-task-handlers';

export type ResourceTaskRequest = {
  project: ProjectRow;
  datacenterId: string;
  action: ResourceTaskAction;
  kind: ResourceKind;
  /** The existing object an action is about; absent for creates (named once accepted). */
  target?: { externalId: string; resourceId: string };
  /** The object's name (a create's new name). */
  targetName: string;
  /** What the task's code reads; never secrets. */
  input: Record<string, JsonInput | null>;
  idempotencyKey?: string;
  /** Quota a create (or an extend) needs: checked now, held until the task finishes. */
  demand?: ResourceDemand;
};

const busy = (name: string, active: { id: string; action: string }) =>
  conflict('resource_busy', { name, action: active.action, taskId: active.id });

/**
 * Queue one storage/network task: an earlier request with the same idempotency key gets its
 * task back (the same key with another request is a CONFLICT); an object with an unfinished
 * task is busy (CONFLICT; a partial unique index makes that race-free); the quota is checked
 * under the project lock; the task and its audit row are written together, then the job.
 */
export const queueResourceTask = async (
  ctx: ServiceContext,
  req: ResourceTaskRequest,
): Promise<Task> => {
  const { project } = req;
  const requestHash = createHash('sha256')
    .update(
      JSON.stringify({
        projectId: project.id,
        datacenterId: req.datacenterId,
        action: req.action,
        target: req.target?.externalId ?? null,
        input: req.input,
      }),
    )
    .digest('hex');
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
  const earlier = await earlierOf();
  if (earlier) return earlier;
  if (req.target) {
    const active = await findActiveTaskOfTarget(
      ctx.db,
      req.datacenterId,
      req.target.externalId,
      req.kind,
    );
    if (active) {
      // A twin request with the same key may have committed between the two reads.
      const twin = await earlierOf();
      if (twin) return twin;
      throw busy(req.targetName, active);
    }
  }
  const id = randomUUID();
  let row: TaskRow;
  try {
    row = await oneAtATime(`quota:${project.id}`, () =>
      inTaskTransaction(ctx.db, async (tx) => {
        if (req.demand) await checkResourceQuota(tx, project, req.demand);
        const inserted = await insertTask(tx, {
          id,
          actorId: ctx.principal.userId,
          actorName: ctx.principal.username,
          departmentId: project.departmentId,
          projectId: project.id,
          datacenterId: req.datacenterId,
          action: req.action,
          targetType: req.kind,
          targetExternalId: req.target?.externalId ?? null,
          targetName: req.targetName,
          resourceId: req.target?.resourceId ?? null,
          input: req.input,
          secretInputEnc: null,
          steps: initialSteps(stepsOfAction(req.action)),
          jobId: id,
          idempotencyKey: req.idempotencyKey ?? null,
          requestHash,
          quotaInstances: 0,
          quotaVcpus: 0,
          quotaRamMb: 0,
          quotaHeld: req.demand ?? {},
        });
        await recordAudit(tx, ctx, {
          action: req.action,
          targetType: req.kind,
          targetId: req.target?.resourceId ?? id,
          targetName: req.targetName,
          departmentId: project.departmentId,
          projectId: project.id,
          detail: { phase: 'queued', taskId: id, ...req.input },
        });
        return inserted;
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const twin = await earlierOf();
    if (twin) return twin;
    if (req.target) {
      const winner = await findActiveTaskOfTarget(
        ctx.db,
        req.datacenterId,
        req.target.externalId,
        req.kind,
      );
      if (winner) throw busy(req.targetName, winner);
    }
    throw conflict('idempotency_key_reused');
  }
  await queueTasks(ctx, [row]);
  return toTask(row);
};
