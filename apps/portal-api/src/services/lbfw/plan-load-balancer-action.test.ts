import type { LoadBalancerDto } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import { describe, expect, it } from 'vitest';
import { planLoadBalancerAction } from './plan-load-balancer-action';

const status = { provisioningStatus: 'ACTIVE', operatingStatus: 'ONLINE' };
const lb: LoadBalancerDto = {
  ...status,
  externalId: 'lb-1',
  name: 'web',
  description: '',
  projectExternalId: 'p',
  vipAddress: '10.0.0.5',
  vipSubnetExternalId: 's',
  vipPortExternalId: 'port',
  createdAt: null,
  updatedAt: null,
  listeners: [
    {
      ...status,
      externalId: 'l-http',
      name: 'http',
      protocol: 'HTTP',
      protocolPort: 80,
      connectionLimit: -1,
      defaultPoolExternalId: null,
    },
  ],
  pools: [
    {
      ...status,
      externalId: 'p-tcp',
      name: 'tcp',
      protocol: 'TCP',
      lbAlgorithm: 'ROUND_ROBIN',
      listenerExternalIds: [],
      members: [
        {
          ...status,
          externalId: 'm-1',
          name: '',
          address: '10.0.0.9',
          protocolPort: 80,
          weight: 1,
          subnetExternalId: null,
        },
      ],
      healthMonitor: null,
    },
  ],
};

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.details.reason ?? ''}`;
    throw error;
  }
  return 'allowed';
};

describe('planLoadBalancerAction', () => {
  it('refuses any change while the load balancer is not ACTIVE', () => {
    const busy = { ...lb, provisioningStatus: 'PENDING_UPDATE' };
    expect(
      reasonOf(() => planLoadBalancerAction(busy, { action: 'remove-pool', poolId: 'p-tcp' })),
    ).toBe('CONFLICT:load_balancer_not_active');
  });

  it('listeners: a taken port is a conflict, UDP may share it, a default pool must fit', () => {
    const listener = {
      action: 'add-listener' as const,
      name: 'x',
      protocol: 'TCP' as const,
      protocolPort: 80,
      connectionLimit: -1,
    };
    expect(reasonOf(() => planLoadBalancerAction(lb, listener))).toBe(
      'CONFLICT:listener_port_taken',
    );
    expect(reasonOf(() => planLoadBalancerAction(lb, { ...listener, protocol: 'UDP' }))).toBe(
      'allowed',
    );
    expect(
      reasonOf(() =>
        planLoadBalancerAction(lb, {
          ...listener,
          protocol: 'HTTP',
          protocolPort: 8080,
          defaultPoolId: 'p-tcp',
        }),
      ),
    ).toBe('VALIDATION:pool_protocol_mismatch');
    expect(
      planLoadBalancerAction(lb, { ...listener, protocolPort: 443, connectionLimit: 100 }).input,
    ).toEqual({
      name: 'x',
      protocol: 'TCP',
      protocolPort: 443,
      connectionLimit: 100,
      defaultPoolExternalId: null,
    });
  });

  it('pools, members and monitors must be parts of this load balancer', () => {
    expect(
      reasonOf(() => planLoadBalancerAction(lb, { action: 'remove-pool', poolId: 'nope' })),
    ).toBe('NOT_FOUND:load_balancer_part_unknown');
    expect(
      reasonOf(() =>
        planLoadBalancerAction(lb, { action: 'remove-member', poolId: 'p-tcp', memberId: 'm-2' }),
      ),
    ).toBe('NOT_FOUND:load_balancer_part_unknown');
    expect(
      reasonOf(() =>
        planLoadBalancerAction(lb, {
          action: 'add-member',
          poolId: 'p-tcp',
          address: '10.0.0.9',
          protocolPort: 80,
          weight: 1,
        }),
      ),
    ).toBe('CONFLICT:member_exists');
    expect(
      reasonOf(() =>
        planLoadBalancerAction(lb, { action: 'remove-health-monitor', poolId: 'p-tcp' }),
      ),
    ).toBe('CONFLICT:pool_has_no_health_monitor');
  });

  it('a listener already served by a pool takes no second one', () => {
    const served = {
      ...lb,
      pools: [{ ...lb.pools[0]!, protocol: 'HTTP' as const, listenerExternalIds: ['l-http'] }],
    };
    expect(
      reasonOf(() =>
        planLoadBalancerAction(served, {
          action: 'add-pool',
          name: 'b',
          protocol: 'HTTP',
          lbAlgorithm: 'SOURCE_IP',
          listenerId: 'l-http',
        }),
      ),
    ).toBe('CONFLICT:listener_has_default_pool');
  });
});
