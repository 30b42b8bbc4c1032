import { describe, expect, it } from 'vitest';
import { scheduleMany, scheduleOne } from './schedule';
import type { HostState, RequestSpec } from './types';

const host = (name: string, az: string, memoryMb: number, vcpus = 16): HostState => ({
  name,
  availabilityZone: az,
  enabled: true,
  up: true,
  vcpus,
  vcpusUsed: 0,
  memoryMb,
  memoryMbUsed: 0,
  localGb: 1000,
  localGbUsed: 0,
  aggregateMetadata: [],
});
const flavor = (memoryMb: number, name = 'm1.small'): RequestSpec['flavor'] => ({
  name,
  vcpus: 2,
  memoryMb,
  rootGb: 20,
  ephemeralGb: 0,
  swapMb: 0,
  extraSpecs: {},
});
const hosts = [host('a', 'az-1', 65536), host('b', 'az-1', 131072), host('c', 'az-2', 32768)];

describe('scheduleOne', () => {
  it('spreads: the host with the most free RAM and vCPU wins', () => {
    const result = scheduleOne(hosts, { flavor: flavor(2048) });
    expect(result.ok && result.host.name).toBe('b');
  });
  it('names the reason when no host fits', () => {
    const result = scheduleOne(hosts, {
      flavor: flavor(65536, 'm1.xlarge'),
      availabilityZone: 'az-2',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'no host in az-2 has 65536 MB free RAM for flavor m1.xlarge',
    });
  });
});

describe('scheduleMany', () => {
  it('anti-affinity never puts two members on one host and fails when hosts run out', () => {
    const spec: RequestSpec = {
      flavor: flavor(1024),
      group: { policy: 'anti-affinity', hosts: [] },
    };
    const three = scheduleMany(hosts, spec, 3);
    expect(three.ok && new Set(three.hosts).size).toBe(3);
    expect(scheduleMany(hosts, spec, 4).ok).toBe(false);
  });
  it('affinity keeps every member on the first host', () => {
    const spec: RequestSpec = { flavor: flavor(1024), group: { policy: 'affinity', hosts: [] } };
    const result = scheduleMany(hosts, spec, 3);
    expect(result.ok && result.hosts).toEqual(['b', 'b', 'b']);
  });
  it('consumes capacity between placements', () => {
    const result = scheduleMany([host('x', 'az-1', 4096)], { flavor: flavor(2048) }, 3);
    expect(result.ok).toBe(false);
  });
});
