import { describe, expect, test } from 'vitest';
import { cidrsOverlap, formatIp, isReservedAddress, parseCidr, parseIp, readCidr } from './ip-cidr';

describe('ip-cidr', () => {
  test('reads dotted quads and IPv6, refuses short, octal-looking and zoned forms', () => {
    expect(parseIp('10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n });
    expect(parseIp('10.1')).toBeNull();
    expect(parseIp('010.0.0.1')).toBeNull();
    expect(parseIp('256.0.0.1')).toBeNull();
    expect(parseIp('fe80::1%eth0')).toBeNull();
    expect(parseIp('2001:db8::1')?.version).toBe(6);
  });

  test('writes IPv6 in RFC 5952 form', () => {
    expect(formatIp(parseIp('2001:0db8:0000:0000:0000:0000:0000:0001')!)).toBe('2001:db8::1');
    expect(formatIp(parseIp('192.168.0.10')!)).toBe('192.168.0.10');
  });

  test('a CIDR with host bits set suggests the network', () => {
    expect(readCidr('10.0.0.1/24')).toMatchObject({
      problem: 'host_bits_set',
      suggestion: '10.0.0.0/24',
    });
    expect(readCidr('10.0.0.0/33').problem).toBe('not_cidr');
  });

  test('overlap and reserved addresses', () => {
    const a = parseCidr('10.0.0.0/16')!;
    const b = parseCidr('10.0.128.0/24')!;
    const c = parseCidr('10.1.0.0/24')!;
    expect(cidrsOverlap(a, b)).toBe(true);
    expect(cidrsOverlap(a, c)).toBe(false);
    expect(isReservedAddress(b, parseIp('10.0.128.255')!)).toBe(true);
    expect(isReservedAddress(b, parseIp('10.0.128.1')!)).toBe(false);
  });
});
