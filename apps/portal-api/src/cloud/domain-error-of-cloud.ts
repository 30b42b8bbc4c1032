import { isCloudError } from '@yunguan/cloud-core';
import { DomainError, isDomainError, notFound } from '@yunguan/domain';

const MAX_MESSAGE = 300;

/** A DomainError anywhere in the cause chain (e.g. the tunnel said the datacenter is offline). */
const domainErrorIn = (error: unknown): DomainError | null => {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (isDomainError(e)) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
};

const offline = (datacenter: string, why: string) =>
  new DomainError('UPSTREAM_UNAVAILABLE', `datacenter ${datacenter}: ${why}`, {
    reason: 'datacenter_offline',
    params: { datacenter, why },
  });

const short = (text: string | undefined) =>
  (text ?? '').length > MAX_MESSAGE ? `${text!.slice(0, MAX_MESSAGE)}…` : (text ?? '');

/**
 * Translate what a cloud call threw into the one domain error family, in words a user can act
 * on. The CloudError itself (URL, status, request id, redacted body) is for the log.
 */
export const domainErrorOfCloud = (error: unknown, datacenter: string): unknown => {
  const inner = domainErrorIn(error);
  if (inner) return inner;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return offline(datacenter, 'the cloud did not answer in time');
  if (!isCloudError(error)) return error;
  const message = short(error.upstreamMessage ?? error.message);
  const params = { datacenter, service: error.service, message };
  switch (error.kind) {
    case 'unavailable':
      return offline(datacenter, `the ${error.service} service is unavailable`);
    case 'timeout':
      return offline(datacenter, `the ${error.service} service did not answer in time`);
    case 'unauthorized':
      return new DomainError('UPSTREAM_UNAVAILABLE', error.message, {
        reason: 'cloud_credentials_rejected',
        params: { datacenter, why: message },
      });
    case 'not-found':
      return notFound(`${error.service} object`);
    case 'conflict':
      return new DomainError('CONFLICT', error.message, { reason: 'cloud_conflict', params });
    case 'quota-exceeded':
      return new DomainError('QUOTA_EXCEEDED', error.message, {
        reason: 'cloud_quota_exceeded',
        params,
      });
    case 'bad-request':
      return new DomainError('VALIDATION', error.message, {
        reason: 'cloud_rejected',
        params,
        issues: [{ path: 'body', message }],
      });
    case 'forbidden':
      return new DomainError('FORBIDDEN', error.message, { reason: 'cloud_forbidden', params });
    default:
      return new DomainError('UPSTREAM_UNAVAILABLE', error.message, {
        reason: 'cloud_error',
        params,
      });
  }
};

/** Run one cloud call and throw domain errors only. */
export const withCloudErrors = async <T>(
  datacenter: string,
  call: () => Promise<T>,
): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw domainErrorOfCloud(error, datacenter);
  }
};
