import { renderMessage } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { domainErrorOfCloud } from '../../cloud/domain-error-of-cloud';

/** A sync run hit its hard deadline. */
export class SyncTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`inventory sync did not finish within ${timeoutMs} ms`);
    this.name = 'SyncTimeoutError';
  }
}

/** What the sync state shows an operator: a sentence (English) and the reason key. */
export const describeSyncFailure = (
  error: unknown,
  datacenter: string,
  runId: string,
): { error: string; reason: string } => {
  if (error instanceof SyncTimeoutError) {
    return {
      reason: 'sync_timeout',
      error: renderMessage('en', 'UPSTREAM_UNAVAILABLE', 'sync_timeout', {
        datacenter,
        seconds: Math.round(error.timeoutMs / 1000),
      }),
    };
  }
  const mapped = domainErrorOfCloud(error, datacenter);
  if (mapped instanceof DomainError) {
    return {
      reason: mapped.details.reason ?? mapped.code,
      error: renderMessage('en', mapped.code, mapped.details.reason, mapped.details.params),
    };
  }
  return {
    reason: 'sync_internal',
    error: renderMessage('en', 'INTERNAL', 'sync_internal', { datacenter, runId }),
  };
};
