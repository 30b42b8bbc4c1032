import { renderMessage } from '@yunguan/contract';
import { isCloudError, type CloudError } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';

/** Why a task failed, in catalog terms; `retryable` failures are left to the job's next attempt. */
export type TaskFailure = {
  reason: string;
  params: Record<string, string | number>;
  retryable: boolean;
};

const transientKinds: readonly CloudError['kind'][] = [
  'unavailable',
  'timeout',
  'rate-limited',
  'unexpected',
  'invalid-response',
];

const causes = function* (error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
};

const short = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

export const describeFailure = (error: unknown): TaskFailure => {
  for (const cause of causes(error)) {
    if (cause instanceof DomainError) {
      return {
        reason: cause.details.reason ?? cause.code,
        params: cause.details.params ?? {},
        // An unreachable datacenter may be back in seconds (agent reconnecting): retried with
        // back-off, and reported with this reason if it stays away. Other refusals are final.
        retryable: cause.code === 'UPSTREAM_UNAVAILABLE',
      };
    }
  }
  if (isCloudError(error)) {
    return {
      reason: 'cloud_request_failed',
      params: {
        detail: short(
          error.upstreamMessage ?? `${error.service} answered ${error.actual ?? 'nothing'}`,
        ),
      },
      retryable: transientKinds.includes(error.kind),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'task_interrupted', params: { detail: short(message) }, retryable: true };
};

/** The stored, English message of a failure (the API re-renders it per reader). */
export const failureMessage = (failure: Pick<TaskFailure, 'reason' | 'params'>): string =>
  renderMessage('en', 'PRECONDITION_FAILED', failure.reason, failure.params);
