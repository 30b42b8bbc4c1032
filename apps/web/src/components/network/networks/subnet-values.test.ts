import { describe, expect, it } from 'vitest';
import { subnetBody, subnetHints } from './subnet-values';

const base = {
  name: 's',
  cidr: '10.0.0.0/24',
  ipVersion: 4 as const,
  gatewayMode: 'auto' as const,
  enableDhcp: true,
};

describe('subnetBody', () => {
  it('sends no gateway for "automatic", null for "none" and the address for "custom"', () => {
    expect(subnetBody('n1', base)).not.toHaveProperty('gatewayIp');
    expect(subnetBody('n1', { ...base, gatewayMode: 'none' }).gatewayIp).toBeNull();
    expect(
      subnetBody('n1', { ...base, gatewayMode: 'custom', gatewayIp: '10.0.0.254' }).gatewayIp,
    ).toBe('10.0.0.254');
  });

  it('reads DNS servers one per line and pools as "start,end" or "start end"', () => {
    const body = subnetBody('n1', {
      ...base,
      dns: '8.8.8.8\n 1.1.1.1 \n',
      pools: '10.0.0.10,10.0.0.20\n10.0.0.30 10.0.0.40',
    });
    expect(body.networkId).toBe('n1');
    expect(body.dnsNameservers).toEqual(['8.8.8.8', '1.1.1.1']);
    expect(body.allocationPools).toEqual([
      { start: '10.0.0.10', end: '10.0.0.20' },
      { start: '10.0.0.30', end: '10.0.0.40' },
    ]);
  });
});

describe('subnetHints', () => {
  it("runs the contract's subnet rules on what is typed", () => {
    expect(subnetHints({ ...base })).toEqual([]);
    expect(subnetHints({ ...base, cidr: '10.0.0.1/24' }).map((i) => i.reason)).toEqual([
      'cidr_host_bits',
    ]);
    expect(
      subnetHints({ ...base, gatewayMode: 'custom', gatewayIp: '10.0.1.1' }).map((i) => i.reason),
    ).toEqual(['gateway_outside_cidr']);
    expect(
      subnetHints({
        ...base,
        gatewayMode: 'custom',
        gatewayIp: '10.0.0.5',
        pools: '10.0.0.1,10.0.0.9',
      }).map((i) => i.reason),
    ).toEqual(['pool_contains_gateway']);
  });

  it('says nothing before a CIDR is typed', () => {
    expect(subnetHints({ name: 'x' })).toEqual([]);
  });
});
