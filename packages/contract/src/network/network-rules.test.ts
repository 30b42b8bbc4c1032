import { describe, expect, test } from 'vitest';
import { cidrsOverlap, formatIp, parseCidr, parseIp, readCidr } from './ip-cidr';
import { providerIssues, ruleIssues, subnetIssues } from './network-rules';

const reasons = (issues: { reason: string }[]) => issues.map((i) => i.reason);

describe('ip-cidr', () => {
  test('reads and writes IPv4 and IPv6 addresses', () => {
    expect(parseIp('10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n });
    expect(parseIp('256.0.0.1')).toBeNull();
    expect(parseIp('01.0.0.1')).toBeNull();
    expect(formatIp(parseIp('fd00:0:0:0:0:0:0:1')!)).toBe('fd00::1');
    expect(formatIp(parseIp('::ffff:10.0.0.1')!)).toBe('::ffff:a00:1');
    expect(parseIp('fd00::1::2')).toBeNull();
    expect(parseIp('1:2:3:4:5:6:7:8:9')).toBeNull();
  });

  test('CIDRs: host bits are refused with the network address suggested', () => {
    expect(readCidr('10.0.0.1/24')).toMatchObject({
      problem: 'host_bits_set',
      suggestion: '10.0.0.0/24',
    });
    expect(readCidr('10.0.0.0/33').problem).toBe('not_cidr');
    expect(readCidr('10.0.0.0').problem).toBe('not_cidr');
    expect(parseCidr('fd00:10::/64')?.text).toBe('fd00:10::/64');
  });

  test('overlap is by range and version', () => {
    const a = parseCidr('10.10.0.0/24')!;
    expect(cidrsOverlap(a, parseCidr('10.10.0.128/25')!)).toBe(true);
    expect(cidrsOverlap(a, parseCidr('10.10.1.0/24')!)).toBe(false);
    expect(cidrsOverlap(a, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(cidrsOverlap(a, parseCidr('fd00::/8')!)).toBe(false);
  });
});

describe('subnetIssues', () => {
  test('a good subnet has none', () => {
    expect(
      subnetIssues({
        cidr: '192.168.1.0/24',
        ipVersion: 4,
        gatewayIp: '192.168.1.1',
        allocationPools: [
          { start: '192.168.1.10', end: '192.168.1.99' },
          { start: '192.168.1.100', end: '192.168.1.200' },
        ],
        dnsNameservers: ['8.8.8.8', '2001:4860:4860::8888'],
        hostRoutes: [{ destination: '10.0.0.0/8', nexthop: '192.168.1.254' }],
      }),
    ).toEqual([]);
  });

  test('gateway outside, reserved; pools outside, reversed, overlapping, holding the gateway', () => {
    expect(
      reasons(subnetIssues({ cidr: '10.0.0.0/24', ipVersion: 4, gatewayIp: '10.0.1.1' })),
    ).toEqual(['gateway_outside_cidr']);
    expect(
      reasons(subnetIssues({ cidr: '10.0.0.0/24', ipVersion: 4, gatewayIp: '10.0.0.255' })),
    ).toEqual(['gateway_reserved']);
    const issues = subnetIssues({
      cidr: '10.0.0.0/24',
      ipVersion: 4,
      gatewayIp: '10.0.0.1',
      allocationPools: [
        { start: '10.0.0.1', end: '10.0.0.20' },
        { start: '10.0.0.50', end: '10.0.0.40' },
        { start: '10.0.1.1', end: '10.0.1.9' },
        { start: '10.0.0.15', end: '10.0.0.30' },
      ],
    });
    expect(reasons(issues)).toEqual([
      'pool_contains_gateway',
      'pool_reversed',
      'pool_outside_cidr',
      'pools_overlap',
    ]);
  });

  test('versions must agree; DNS servers are addresses, not twice', () => {
    expect(reasons(subnetIssues({ cidr: '10.0.0.0/24', ipVersion: 6 }))).toEqual([
      'cidr_version_mismatch',
    ]);
    expect(
      reasons(
        subnetIssues({
          cidr: '10.0.0.0/24',
          ipVersion: 4,
          dnsNameservers: ['x', '1.1.1.1', '1.1.1.1'],
        }),
      ),
    ).toEqual(['ip_invalid', 'dns_duplicate']);
    expect(reasons(subnetIssues({ cidr: '10.0.0.0/31', ipVersion: 4 }))).toEqual([
      'cidr_too_small',
    ]);
  });

  test('a PATCH is judged against the stored CIDR', () => {
    expect(reasons(subnetIssues({ gatewayIp: '10.9.0.1' }, '10.0.0.0/24'))).toEqual([
      'gateway_outside_cidr',
    ]);
  });
});

describe('providerIssues and ruleIssues', () => {
  test('flat, vlan, vxlan', () => {
    expect(reasons(providerIssues({ type: 'flat', physicalNetwork: 'physnet1' }))).toEqual([]);
    expect(reasons(providerIssues({ type: 'flat', segmentationId: 5 }))).toEqual([
      'provider_physical_network_required',
      'provider_segmentation_unused',
    ]);
    expect(
      reasons(providerIssues({ type: 'vlan', physicalNetwork: 'p', segmentationId: 4095 })),
    ).toEqual(['provider_segmentation_range']);
    expect(reasons(providerIssues({ type: 'vxlan', physicalNetwork: 'p' }))).toEqual([
      'provider_physical_network_unused',
    ]);
  });

  test('ports only where they mean something; one remote of the right family', () => {
    expect(
      ruleIssues({ ethertype: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 }),
    ).toEqual([]);
    expect(reasons(ruleIssues({ ethertype: 'IPv4', protocol: 'any', portRangeMin: 22 }))).toEqual([
      'rule_ports_not_allowed',
    ]);
    expect(
      reasons(
        ruleIssues({ ethertype: 'IPv4', protocol: 'udp', portRangeMin: 90, portRangeMax: 80 }),
      ),
    ).toEqual(['rule_port_range_reversed']);
    expect(
      reasons(
        ruleIssues({
          ethertype: 'IPv6',
          protocol: 'tcp',
          remoteIpPrefix: '0.0.0.0/0',
          remoteGroupId: 'g',
        }),
      ),
    ).toEqual(['rule_remote_both', 'rule_remote_version']);
  });
});
