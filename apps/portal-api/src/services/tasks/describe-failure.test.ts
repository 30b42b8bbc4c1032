import { CloudError } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import { describe, expect, test } from 'vitest';
import { describeFailure, failureMessage } from './describe-failure';

const cloudError = (kind: CloudError['kind'], actual: number, upstreamMessage?: string) =>
  new CloudError({
    kind,
    provider: 'openstack',
    service: 'compute',
    method: 'POST',
    url: 'http://dc/compute/v2.1/servers',
    expected: [202],
    actual,
    ...(upstreamMessage ? { upstreamMessage } : {}),
  });

describe('task failures', () => {
  test('an unreachable datacenter is retried, and named in the final reason', () => {
    const offline = new DomainError('UPSTREAM_UNAVAILABLE', 'x', {
      reason: 'datacenter_offline',
      params: { datacenter: 'dc-1', why: 'no agent is connected' },
    });
    const failure = describeFailure(new Error('wrapped', { cause: offline }));
    expect(failure).toEqual({
      reason: 'datacenter_offline',
      params: { datacenter: 'dc-1', why: 'no agent is connected' },
      retryable: true,
    });
    expect(failureMessage(failure)).toContain('"dc-1" cannot be reached');
  });

  test("the cloud's own message is kept; 4xx are final, 5xx and timeouts retried", () => {
    const quota = describeFailure(cloudError('quota-exceeded', 413, 'Quota exceeded for cores'));
    expect(quota).toMatchObject({ reason: 'cloud_request_failed', retryable: false });
    expect(failureMessage(quota)).toContain('Quota exceeded for cores');
    expect(describeFailure(cloudError('unavailable', 503)).retryable).toBe(true);
    expect(describeFailure(new Error('socket hang up')).retryable).toBe(true);
  });
});
