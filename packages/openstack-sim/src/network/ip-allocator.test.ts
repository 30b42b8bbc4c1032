import { describe, expect, it } from 'vitest';
import {
  allocateIp,
  cidrsOverlap,
  defaultGateway,
  defaultPools,
  formatIp,
  isAssignable,
  parseCidr,
  parseIp,
  validatePools,
} from './ip-allocator';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad cidr ${text}`);
  return parsed;
};

describe('CIDR parsing', () => {
  it('accepts network addresses and refuses host bits, bad octets and prefixes', () => {
    expect(parseCidr('10.0.0.0/24')).toMatchObject({ version: 4, prefix: 24 });
    expect(parseCidr('10.0.0.1/24')).toBeNull();
    expect(parseCidr('10.0.256.0/24')).toBeNull();
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0')).toBeNull();
    expect(parseCidr('fd00:1::/64')).toMatchObject({ version: 6, prefix: 64 });
  });

  it('round-trips IPv6 in compressed form', () => {
    const ip = parseIp('fd00:0:0:1::5');
    expect(ip && formatIp(6, ip.value)).toBe('fd00:0:0:1::5');
  });
});

describe('CIDR overlap', () => {
  it('detects containment and partial overlap, not neighbours or other versions', () => {
    expect(cidrsOverlap(cidr('10.0.0.0/16'), cidr('10.0.5.0/24'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.0.0/24'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(cidrsOverlap(cidr('10.0.0.0/24'), cidr('fd00::/64'))).toBe(false);
  });
});

describe('allocation pools', () => {
  it('defaults to every host except network, gateway and broadcast', () => {
    const net = cidr('192.168.1.0/24');
    expect(defaultGateway(net)).toBe('192.168.1.1');
    expect(defaultPools(net, '192.168.1.1')).toEqual([
      { start: '192.168.1.2', end: '192.168.1.254' },
    ]);
    expect(defaultPools(net, '192.168.1.100')).toEqual([
      { start: '192.168.1.1', end: '192.168.1.99' },
      { start: '192.168.1.101', end: '192.168.1.254' },
    ]);
  });

  it('refuses pools outside the subnet, overlapping pools and the gateway inside a pool', () => {
    const net = cidr('10.0.0.0/24');
    expect(validatePools(net, [{ start: '10.0.0.10', end: '10.0.1.5' }], null)).toMatch(
      /spans beyond/,
    );
    expect(
      validatePools(
        net,
        [
          { start: '10.0.0.10', end: '10.0.0.20' },
          { start: '10.0.0.15', end: '10.0.0.30' },
        ],
        null,
      ),
    ).toMatch(/overlapping/);
    expect(validatePools(net, [{ start: '10.0.0.1', end: '10.0.0.20' }], '10.0.0.1')).toMatch(
      /Gateway ip/,
    );
    expect(validatePools(net, [{ start: '10.0.0.2', end: '10.0.0.20' }], '10.0.0.1')).toBeNull();
  });
});

describe('allocateIp', () => {
  it('hands out the lowest free address and never one already used', () => {
    const net = cidr('10.0.0.0/29');
    const pools = defaultPools(net, '10.0.0.1');
    const used: string[] = [];
    for (;;) {
      const ip = allocateIp(net, pools, used);
      if (ip === null) break;
      expect(used).not.toContain(ip);
      used.push(ip);
    }
    // /29: .0 network, .1 gateway, .7 broadcast → .2 .. .6
    expect(used).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
  });

  it('reuses an address only after it is released, and honours pools', () => {
    const net = cidr('10.0.0.0/24');
    const pools = [{ start: '10.0.0.50', end: '10.0.0.51' }];
    expect(allocateIp(net, pools, ['10.0.0.50'])).toBe('10.0.0.51');
    expect(allocateIp(net, pools, ['10.0.0.50', '10.0.0.51'])).toBeNull();
    expect(allocateIp(net, pools, ['10.0.0.51'])).toBe('10.0.0.50');
  });

  it('checks explicit addresses against network and broadcast', () => {
    const net = cidr('10.0.0.0/24');
    expect(isAssignable(net, '10.0.0.0')).toBe(false);
    expect(isAssignable(net, '10.0.0.255')).toBe(false);
    expect(isAssignable(net, '10.0.0.9')).toBe(true);
    expect(isAssignable(net, '10.0.1.9')).toBe(false);
  });

  it('allocates IPv6 addresses', () => {
    const net = cidr('fd00:1::/64');
    const pools = defaultPools(net, defaultGateway(net));
    expect(allocateIp(net, pools, [])).toBe('fd00:1::2');
  });
});
