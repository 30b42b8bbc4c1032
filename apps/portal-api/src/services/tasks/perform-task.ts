import type { z } from 'zod';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { TaskRow } from '../../repositories/task-repository';
import { runTaskAttempt, succeedTask, TaskFailed, type TaskAttempt } from './run-task';
import { definitionOf } from './task-registry';
import { makeTaskRun } from './task-run';
import { stepsOf } from './to-task';
import type { TaskDeps } from './transition-task';

/** "name: expected string; source.type: invalid option" — the fields, never their values. */
const issuesOf = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(input)'}: ${i.message}`)
    .join('; ');

/** The stored input as its definition reads it, or a failure that says why not. */
const storedInputOf = (task: TaskRow) => {
  const definition = definitionOf(task.action);
  if (!definition)
    throw new TaskFailed({ reason: 'task_without_handler', params: { action: task.action } });
  const parsed = definition.input.safeParse(task.input ?? {});
  if (!parsed.success)
    throw new TaskFailed({
      reason: 'task_input_invalid',
      params: { action: task.action, detail: issuesOf(parsed.error) },
    });
  return { definition, input: parsed.data };
};

/**
 * task.run: one attempt of any task. The stored input is checked against the action's schema
 * before a cloud is touched; then the definition runs with the datacenter's provider in the
 * project's scope, and the task succeeds with what it returned.
 */
export const performTask = (deps: TaskDeps, taskId: string, attempt: TaskAttempt) =>
  runTaskAttempt(deps, taskId, attempt, async (claimed) => {
    const { definition, input } = storedInputOf(claimed);
    const { provider } = await providerForDatacenter(deps, claimed.datacenterId);
    const scope = await scopeForProject(deps, provider, claimed.datacenterId, claimed.projectId);
    const rt = makeTaskRun(deps, claimed, provider, scope, input);
    const result = await definition.run(rt);
    const task = rt.task();
    const wait = stepsOf(task).find((s) => s.key === 'wait');
    return succeedTask(deps, task, {
      ...(result.resourceId ? { resourceId: result.resourceId } : {}),
      detail: result.detail,
      waitDetail: result.waitDetail ?? wait?.message ?? wait?.detail ?? '',
    });
  });
