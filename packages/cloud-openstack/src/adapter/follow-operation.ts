import {
  isCloudError,
  type CallOptions,
  type OperationHandle,
  type OperationProgress,
  type ServerAction,
} from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import {
  getInstanceAction,
  getServer,
  listInstanceActions,
} from '../services/compute/v2/servers/requests';
import { novaActionName, restingStatuses } from './server-actions';
import { toServerDto } from './to-dto';

/** Nova writes times without a zone; they are UTC. */
const utc = (time: string) => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(time) ? time : `${time}Z`);

/** Allowed difference between our clock and the cloud's when matching instance actions. */
const clockSkewMs = 60_000;

/** `raise exception.NoValidHost(…)` / `nova.exception.NoValidHost: No valid host…` → the cause. */
export const causeIn = (event: { details?: string | null; traceback?: string | null }) => {
  if (event.details) return event.details.trim();
  const raised = [
    ...(event.traceback ?? '').matchAll(/exception\.(\w+)(?::[ \t]*([^\n]+))?/g),
  ].pop();
  if (raised === undefined) return undefined;
  const [, name, message] = raised;
  if (name === 'NoValidHost') return 'No valid host was found.';
  return message?.trim() || name;
};

/**
 * An action that came back to rest without reaching its target status: did Nova record it as
 * failed? (Failed resizes and migrations roll back to ACTIVE without a visible fault.) Returns
 * the user-facing reason, or null when Nova recorded no failure.
 */
const failedActionReason = async (
  compute: ServiceClient,
  handle: OperationHandle,
  status: string,
  options: CallOptions | undefined,
): Promise<string | null> => {
  const name = novaActionName[handle.action as ServerAction['type']] as string | undefined;
  if (name === undefined) return null;
  const call = { scope: { projectId: handle.projectExternalId }, options };
  const actions = await listInstanceActions(compute, call, handle.externalId);
  const since = Date.parse(handle.startedAt) - clockSkewMs;
  const mine = actions.find((a) => a.action === name && utc(a.start_time) >= since);
  if (mine === undefined || mine.message !== 'Error') return null;
  const detail = await getInstanceAction(compute, call, handle.externalId, mine.request_id);
  const failed = (detail.events ?? []).find((e) => e.result === 'Error');
  const cause = failed === undefined ? undefined : causeIn(failed);
  const because = cause === undefined ? '.' : `: ${cause.replace(/\.?$/, '.')}`;
  return `The cloud could not ${handle.action ?? 'change'} the server${because} It is ${status} again (request ${mine.request_id}).`;
};

/** One look at a server operation (never waits). */
export const followServerOperation = async (
  compute: ServiceClient,
  handle: OperationHandle,
  options?: CallOptions,
): Promise<OperationProgress> => {
  let server;
  try {
    server = await getServer(
      compute,
      { scope: { projectId: handle.projectExternalId }, options },
      handle.externalId,
    );
  } catch (error) {
    if (!isCloudError(error) || error.kind !== 'not-found') throw error;
    if (handle.kind === 'server.delete') return { state: 'succeeded', detail: 'deleted' };
    return {
      state: 'failed',
      detail: 'gone',
      reason: `The server ${handle.externalId} no longer exists in the cloud.`,
    };
  }
  const resource = toServerDto(server);
  const detail = resource.rawStatus;
  // Nova's own words, e.g. "No valid host was found. " (sic, with the trailing space).
  const faultReason = resource.fault?.message.trim() || undefined;
  if (handle.kind === 'server.delete') {
    if (resource.status === 'deleted') return { state: 'succeeded', detail, resource };
    if (resource.status === 'error' && resource.taskState === null) {
      const reason = faultReason ?? 'The cloud could not delete the server.';
      return { state: 'failed', detail, reason, resource };
    }
    return { state: 'pending', detail, resource };
  }
  if (resource.status === 'error') {
    const reason = faultReason ?? 'The server went into ERROR and the cloud gave no reason.';
    return { state: 'failed', detail, reason, resource };
  }
  if (resource.status === 'deleted' || resource.status === 'deleting') {
    return { state: 'failed', detail, reason: 'The server was deleted meanwhile.', resource };
  }
  if (handle.action === 'lock' || handle.action === 'unlock') {
    const done = resource.locked === (handle.action === 'lock');
    return { state: done ? 'succeeded' : 'pending', detail, resource };
  }
  if (resource.taskState !== null) return { state: 'pending', detail, resource };
  if (handle.settlesOn.includes(resource.status)) return { state: 'succeeded', detail, resource };
  if (handle.kind === 'server.action' && restingStatuses.includes(resource.status)) {
    const reason = await failedActionReason(compute, handle, resource.status, options);
    if (reason !== null) return { state: 'failed', detail, reason, resource };
  }
  return { state: 'pending', detail, resource };
};
