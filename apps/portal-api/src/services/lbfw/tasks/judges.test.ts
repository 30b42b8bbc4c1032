import type { FirewallGroupDto, LoadBalancerDto } from '@yunguan/cloud-core';
import { describe, expect, it } from 'vitest';
import { judgeFirewallGroup } from './firewall-group-kit';
import { judgeLoadBalancer } from './lb-task-kit';

const lb = (provisioningStatus: string, operatingStatus: string) =>
  ({ name: 'web', provisioningStatus, operatingStatus }) as LoadBalancerDto;
const group = (status: string) => ({ name: 'edge', status }) as FirewallGroupDto;

describe('load-balancer task judge', () => {
  it('waits through PENDING_*, is done at ACTIVE and fails at ERROR with both statuses', () => {
    expect(judgeLoadBalancer(lb('PENDING_UPDATE', 'ONLINE')).state).toBe('pending');
    expect(judgeLoadBalancer(lb('ACTIVE', 'DEGRADED'))).toEqual({
      state: 'done',
      detail: { key: 'lb-status', params: { provisioning: 'ACTIVE', operating: 'DEGRADED' } },
    });
    expect(judgeLoadBalancer(lb('ERROR', 'ERROR'))).toEqual({
      state: 'failed',
      reason: 'load balancer web went into ERROR (provisioning ERROR, operating ERROR)',
    });
  });
});

describe('firewall-group task judge', () => {
  it('settles at ACTIVE, INACTIVE or DOWN, waits through PENDING_*, fails at ERROR', () => {
    expect(['ACTIVE', 'INACTIVE', 'DOWN'].map((s) => judgeFirewallGroup(group(s)).state)).toEqual([
      'done',
      'done',
      'done',
    ]);
    expect(judgeFirewallGroup(group('PENDING_CREATE')).state).toBe('pending');
    expect(judgeFirewallGroup(group('ERROR')).state).toBe('failed');
  });
});
