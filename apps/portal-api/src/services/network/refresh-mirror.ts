import type { ResourceKind } from '@yunguan/contract';
import { listLiveResourcesOfProject } from '../../repositories/project-resource-repository';
import { markResourcesDeleted, type ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { applyResourceObservation } from '../resources/apply-resource-observation';
import type { Observation } from '../tasks/task-definition';

/**
 * Write what a live read of one kind saw to the mirror, and mark the project's rows of that
 * kind the read should have seen (`covers`, all by default) but did not as deleted — unless a
 * task observed them after the read began. Returns the mirror id of each seen object.
 */
export const refreshMirror = async (
  ctx: ServiceContext,
  input: {
    datacenterId: string;
    projectId: string;
    kind: ResourceKind;
    seen: Observation[];
    /** When the live read started. */
    readAt: Date;
    covers?: (row: ResourceRow) => boolean;
  },
): Promise<Map<string, string>> => {
  const ids = new Map<string, string>();
  for (const o of input.seen)
    ids.set(o.externalId, await applyResourceObservation(ctx, input.datacenterId, o));
  const rows = await listLiveResourcesOfProject(
    ctx.db,
    input.projectId,
    [input.kind],
    input.datacenterId,
  );
  const gone = rows
    .filter((r) => !ids.has(r.externalId) && (input.covers?.(r) ?? true))
    .map((r) => r.externalId);
  if (gone.length > 0)
    await markResourcesDeleted(
      ctx.db,
      input.datacenterId,
      input.kind,
      gone,
      ctx.now(),
      input.readAt,
    );
  return ids;
};
