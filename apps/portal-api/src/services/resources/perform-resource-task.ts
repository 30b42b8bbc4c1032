import { DomainError } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import { runTaskAttempt, succeedTask, type TaskAttempt } from '../tasks/run-task';
import { stepsOf } from '../tasks/to-task';
import type { TaskDeps } from '../tasks/transition-task';
import { handlerOfAction } from './resource-task-handlers';
import { makeResourceTaskRun } from './resource-task-run';

/** resource.task: one attempt of a storage/network task, run by its action's handler. */
export const performResourceTask = (deps: TaskDeps, taskId: string, attempt: TaskAttempt) =>
  runTaskAttempt(deps, taskId, attempt, async (claimed) => {
    const handler = handlerOfAction(claimed.action);
    if (!handler)
      throw new DomainError('INTERNAL', `no handler for ${claimed.action}`, {
        reason: 'task_without_handler',
        params: { action: claimed.action },
      });
    const { provider } = await providerForDatacenter(deps, claimed.datacenterId);
    const scope = await scopeForProject(deps, provider, claimed.datacenterId, claimed.projectId);
    const rt = makeResourceTaskRun(deps, claimed, provider, scope);
    const result = await handler.run(rt);
    const task = rt.task();
    const wait = stepsOf(task).find((s) => s.key === 'wait');
    return succeedTask(deps, task, {
      ...(result.resourceId ? { resourceId: result.resourceId } : {}),
      detail: result.detail,
      waitDetail: wait?.detail ?? '',
    });
  });
