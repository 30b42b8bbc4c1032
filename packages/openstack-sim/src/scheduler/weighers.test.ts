import { describe, expect, it } from 'vitest';
import {
  cpuWeigher,
  normalize,
  ramWeigher,
  softAffinityWeigher,
  softAntiAffinityWeigher,
} from './weighers';
import { defaultRatios, type HostState, type RequestSpec } from './types';

const host = (name: string, over: Partial<HostState> = {}): HostState => ({
  name,
  availabilityZone: 'az-1',
  enabled: true,
  up: true,
  vcpus: 16,
  vcpusUsed: 0,
  memoryMb: 65536,
  memoryMbUsed: 0,
  localGb: 500,
  localGbUsed: 0,
  aggregateMetadata: [],
  ...over,
});
const spec: RequestSpec = {
  flavor: {
    name: 'f',
    vcpus: 1,
    memoryMb: 1,
    rootGb: 1,
    ephemeralGb: 0,
    swapMb: 0,
    extraSpecs: {},
  },
};

describe('weighers', () => {
  it('RAM and CPU weighers return free capacity with ratios', () => {
    expect(ramWeigher().weigh(host('a', { memoryMbUsed: 1024 }), spec, defaultRatios)).toBe(64512);
    expect(cpuWeigher().weigh(host('a', { vcpusUsed: 4 }), spec, defaultRatios)).toBe(60);
  });
  it('soft weighers count group members on the host', () => {
    const g = (policy: 'soft-affinity' | 'soft-anti-affinity'): RequestSpec => ({
      ...spec,
      group: { policy, hosts: ['a', 'a', 'b'] },
    });
    expect(softAffinityWeigher().weigh(host('a'), g('soft-affinity'), defaultRatios)).toBe(2);
    expect(softAntiAffinityWeigher().weigh(host('b'), g('soft-anti-affinity'), defaultRatios)).toBe(
      -1,
    );
    expect(softAffinityWeigher().weigh(host('a'), spec, defaultRatios)).toBe(0);
  });
  it('normalize maps to 0..1 and flat weights to 0', () => {
    expect(normalize([10, 20, 15])).toEqual([0, 1, 0.5]);
    expect(normalize([3, 3])).toEqual([0, 0]);
    expect(normalize([])).toEqual([]);
  });
});
