import type { ServerAction, ServerDto } from '@yunguan/cloud-core';
import { serverActionInput, serverVerbs, type ServerVerb } from '@yunguan/contract';
import type { z } from 'zod';
import { TaskFailed } from '../../tasks/run-task';
import { defineTask, type TaskDefinition, type TaskRun } from '../../tasks/task-definition';
import {
  followOperation,
  markSubmitting,
  operationOf,
  recordOperation,
  recordServer,
  submitMarkerOf,
  type SubmitMarker,
} from './server-task-kit';
import { stepMessage as m } from '@yunguan/contract';

type ActionInput = z.output<typeof serverActionInput>;

/** What an action stores: the contract's body (a resize adds the resolved flavor's name). */
const actionInputOf = (verb: ServerVerb) =>
  serverActionInput.refine((input) => input.action === verb, {
    message: `the stored action is not ${verb}`,
  });

/** The task's stored input as the cloud port's ServerAction. */
export const cloudActionOf = (input: ActionInput): ServerAction => {
  switch (input.action) {
    case 'reboot':
      return { type: 'reboot', hard: input.hard };
    case 'resize':
      return { type: 'resize', flavorExternalId: input.flavorId };
    case 'rebuild':
      return { type: 'rebuild', imageExternalId: input.imageId };
    case 'snapshot':
      return { type: 'snapshot', imageName: input.imageName };
    case 'migrate':
    case 'live-migrate':
      return { type: input.action, ...(input.host ? { host: input.host } : {}) };
    default:
      return { type: input.action };
  }
};

/** Sending these twice does harm (a second resize, snapshot or move): never re-send blindly. */
const notResent: readonly ServerAction['type'][] = [
  'resize',
  'snapshot',
  'migrate',
  'live-migrate',
];

const lookOf = (server: ServerDto): NonNullable<SubmitMarker['before']> => ({
  status: server.rawStatus,
  taskState: server.taskState,
  host: server.host,
  flavor: server.flavor.externalId ?? server.flavor.name,
});

/**
 * An earlier attempt wrote the marker and then stopped: the call may have reached the cloud.
 * When the server no longer looks as it did before the call (busy, another status, host or
 * flavor — or, for a snapshot, an image of that name exists), fail without re-sending.
 */
const assertNotSentBefore = async (
  rt: TaskRun<ActionInput>,
  action: ServerAction,
  marker: SubmitMarker,
): Promise<void> => {
  const { provider, scope, call } = rt;
  const now = lookOf(await provider.getServer(scope, rt.target(), call));
  const before = marker.before;
  const changed =
    now.taskState !== null ||
    !before ||
    now.status !== before.status ||
    now.host !== before.host ||
    now.flavor !== before.flavor;
  const snapshotMade =
    action.type === 'snapshot' &&
    (await provider.listImages(scope, call)).some((i) => i.name === action.imageName);
  if (changed || snapshotMade)
    throw new TaskFailed({
      reason: 'task_submit_uncertain',
      params: {
        action: action.type,
        server: rt.task().targetName,
        detail: `${now.status}${now.taskState ? ` (${now.taskState})` : ''}`,
      },
    });
};

/** server.<verb>: submit the action (never blindly twice), follow it until it settles, mirror. */
const serverActionTask = (verb: Exclude<ServerVerb, 'create' | 'delete'>) =>
  defineTask({
    action: `server.${verb}`,
    input: actionInputOf(verb),
    async run(rt) {
      const externalId = rt.target();
      let handle = operationOf(rt.task());
      if (!handle) {
        const action = cloudActionOf(rt.input);
        const careful = notResent.includes(action.type);
        const marker = submitMarkerOf(rt.task());
        if (marker && careful) await assertNotSentBefore(rt, action, marker);
        const before = careful
          ? lookOf(await rt.provider.getServer(rt.scope, externalId, rt.call))
          : undefined;
        await markSubmitting(rt, before);
        handle = await rt.provider.actOnServer(rt.scope, externalId, action, rt.call);
        await recordOperation(rt, handle, m('accepted', { verb: action.type }));
      }
      const progress = await followOperation(rt, handle);
      const server =
        progress.resource ?? (await rt.provider.getServer(rt.scope, externalId, rt.call));
      return recordServer(rt, server, progress);
    },
  });

/** One definition per server verb other than create and delete. */
export const serverActionTasks: readonly TaskDefinition<ActionInput>[] = serverVerbs
  .filter((v): v is Exclude<ServerVerb, 'create' | 'delete'> => v !== 'create' && v !== 'delete')
  .map(serverActionTask);
