import { CloudError, type CloudErrorKind } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import { describe, expect, test } from 'vitest';
import { domainErrorOfCloud, withCloudErrors } from './domain-error-of-cloud';

const cloudError = (kind: CloudErrorKind, cause?: unknown) =>
  new CloudError({
    kind,
    provider: 'openstack',
    service: 'compute',
    method: 'GET',
    url: 'http://tunnel/compute/v2.1/flavors?token=secret',
    expected: [200],
    actual: 500,
    upstreamMessage: 'nova says no',
    cause,
  });

const mapped = (error: unknown) => domainErrorOfCloud(error, 'dc-1') as DomainError;

describe('domainErrorOfCloud', () => {
  test('the tunnel saying offline wins, even wrapped in a CloudError', () => {
    const offline = new DomainError('UPSTREAM_UNAVAILABLE', 'x', {
      reason: 'datacenter_offline',
      params: { datacenter: 'dc-1', why: 'no agent is connected' },
    });
    expect(mapped(cloudError('unavailable', offline))).toBe(offline);
  });

  test.each([
    ['unavailable', 'UPSTREAM_UNAVAILABLE', 'datacenter_offline'],
    ['timeout', 'UPSTREAM_UNAVAILABLE', 'datacenter_offline'],
    ['unauthorized', 'UPSTREAM_UNAVAILABLE', 'cloud_credentials_rejected'],
    ['not-found', 'NOT_FOUND', 'not_found'],
    ['conflict', 'CONFLICT', 'cloud_conflict'],
    ['quota-exceeded', 'QUOTA_EXCEEDED', 'cloud_quota_exceeded'],
    ['bad-request', 'VALIDATION', 'cloud_rejected'],
    ['forbidden', 'FORBIDDEN', 'cloud_forbidden'],
    ['unexpected', 'UPSTREAM_UNAVAILABLE', 'cloud_error'],
  ] as const)('%s → %s (%s)', (kind, code, reason) => {
    const error = mapped(cloudError(kind));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.details.reason).toBe(reason);
    expect(JSON.stringify(error.details)).not.toContain('secret');
  });

  test('an aborted call reads as an unreachable datacenter; other errors pass through', async () => {
    expect(mapped(new DOMException('late', 'TimeoutError')).details.reason).toBe(
      'datacenter_offline',
    );
    const bug = new TypeError('bug');
    await expect(withCloudErrors('dc-1', () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
