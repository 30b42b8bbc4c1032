import { describe, expect, it } from 'vitest';
import {
  aggregateInstanceExtraSpecsFilter,
  availabilityZoneFilter,
  computeFilter,
  differentHostFilter,
  diskFilter,
  ignoreHostsFilter,
  ramFilter,
  sameHostFilter,
  serverGroupAffinityFilter,
  serverGroupAntiAffinityFilter,
  vcpuFilter,
} from './filters';
import { defaultRatios, type HostState, type RequestSpec } from './types';

const host = (over: Partial<HostState> = {}): HostState => ({
  name: 'cmp-1',
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

const spec = (over: Partial<RequestSpec> = {}, flavor: Partial<RequestSpec['flavor']> = {}) =>
  ({
    flavor: {
      name: 'm1.small',
      vcpus: 1,
      memoryMb: 2048,
      rootGb: 20,
      ephemeralGb: 0,
      swapMb: 0,
      extraSpecs: {},
      ...flavor,
    },
    ...over,
  }) satisfies RequestSpec;

const r = defaultRatios;

describe('AvailabilityZoneFilter', () => {
  it('passes any host without a requested zone and only that zone otherwise', () => {
    expect(availabilityZoneFilter.passes(host(), spec(), r)).toBe(true);
    expect(availabilityZoneFilter.passes(host(), spec({ availabilityZone: 'az-1' }), r)).toBe(true);
    expect(availabilityZoneFilter.passes(host(), spec({ availabilityZone: 'az-2' }), r)).toBe(
      false,
    );
  });
});

describe('ComputeFilter', () => {
  it('needs the service enabled and up', () => {
    expect(computeFilter.passes(host(), spec(), r)).toBe(true);
    expect(computeFilter.passes(host({ enabled: false }), spec(), r)).toBe(false);
    expect(computeFilter.passes(host({ up: false }), spec(), r)).toBe(false);
  });
});

describe('RamFilter', () => {
  it('compares free RAM times the allocation ratio', () => {
    const h = host({ memoryMb: 4096, memoryMbUsed: 2048 });
    expect(ramFilter.passes(h, spec({}, { memoryMb: 2048 }), r)).toBe(true);
    expect(ramFilter.passes(h, spec({}, { memoryMb: 2049 }), r)).toBe(false);
    expect(ramFilter.passes(h, spec({}, { memoryMb: 4096 }), { ...r, ram: 1.5 })).toBe(true);
  });
  it('explains with the zone, size and flavor', () => {
    expect(
      ramFilter.explain(spec({ availabilityZone: 'az-2' }, { memoryMb: 65536, name: 'm1.xlarge' })),
    ).toBe('no host in az-2 has 65536 MB free RAM for flavor m1.xlarge');
  });
});

describe('CoreFilter', () => {
  it('overcommits vCPUs by the cpu ratio', () => {
    const h = host({ vcpus: 4, vcpusUsed: 14 });
    expect(vcpuFilter.passes(h, spec({}, { vcpus: 2 }), r)).toBe(true);
    expect(vcpuFilter.passes(h, spec({}, { vcpus: 3 }), r)).toBe(false);
  });
});

describe('DiskFilter', () => {
  it('counts root, ephemeral and swap, but not the root of a volume-backed server', () => {
    const h = host({ localGb: 30, localGbUsed: 0 });
    expect(diskFilter.passes(h, spec({}, { rootGb: 20, ephemeralGb: 10 }), r)).toBe(true);
    expect(diskFilter.passes(h, spec({}, { rootGb: 20, ephemeralGb: 10, swapMb: 512 }), r)).toBe(
      false,
    );
    expect(diskFilter.passes(h, spec({ bootFromVolume: true }, { rootGb: 100 }), r)).toBe(true);
  });
});

describe('AggregateInstanceExtraSpecsFilter', () => {
  const ssd = host({ aggregateMetadata: [{ ssd: 'true' }, { gpu: 'a100,h100' }] });
  it('matches scoped and unscoped keys, ignores other scopes', () => {
    expect(aggregateInstanceExtraSpecsFilter.passes(host(), spec(), r)).toBe(true);
    const want = (extraSpecs: Record<string, string>) => spec({}, { extraSpecs });
    expect(
      aggregateInstanceExtraSpecsFilter.passes(
        ssd,
        want({ 'aggregate_instance_extra_specs:ssd': 'true' }),
        r,
      ),
    ).toBe(true);
    expect(aggregateInstanceExtraSpecsFilter.passes(ssd, want({ gpu: 'h100' }), r)).toBe(true);
    expect(aggregateInstanceExtraSpecsFilter.passes(host(), want({ ssd: 'true' }), r)).toBe(false);
    expect(
      aggregateInstanceExtraSpecsFilter.passes(host(), want({ 'hw:cpu_policy': 'dedicated' }), r),
    ).toBe(true);
  });
});

describe('ServerGroupAffinityFilter / ServerGroupAntiAffinityFilter', () => {
  it('affinity keeps the members’ host once there is one', () => {
    const g = (hosts: string[]) => spec({ group: { policy: 'affinity', hosts } });
    expect(serverGroupAffinityFilter.passes(host(), g([]), r)).toBe(true);
    expect(serverGroupAffinityFilter.passes(host(), g(['cmp-1']), r)).toBe(true);
    expect(serverGroupAffinityFilter.passes(host(), g(['cmp-2']), r)).toBe(false);
  });
  it('anti-affinity refuses a host with a member, up to max_server_per_host', () => {
    const g = (hosts: string[], max?: number) =>
      spec({ group: { policy: 'anti-affinity', hosts, maxServerPerHost: max } });
    expect(serverGroupAntiAffinityFilter.passes(host(), g(['cmp-2']), r)).toBe(true);
    expect(serverGroupAntiAffinityFilter.passes(host(), g(['cmp-1']), r)).toBe(false);
    expect(serverGroupAntiAffinityFilter.passes(host(), g(['cmp-1'], 2), r)).toBe(true);
  });
  it('soft policies never filter', () => {
    const s = spec({ group: { policy: 'soft-anti-affinity', hosts: ['cmp-1'] } });
    expect(serverGroupAntiAffinityFilter.passes(host(), s, r)).toBe(true);
    expect(serverGroupAffinityFilter.passes(host(), s, r)).toBe(true);
  });
});

describe('hint filters', () => {
  it('different_host, same_host and ignored hosts', () => {
    expect(differentHostFilter.passes(host(), spec({ differentHost: ['cmp-1'] }), r)).toBe(false);
    expect(differentHostFilter.passes(host(), spec({ differentHost: ['cmp-2'] }), r)).toBe(true);
    expect(sameHostFilter.passes(host(), spec({ sameHost: ['cmp-2'] }), r)).toBe(false);
    expect(sameHostFilter.passes(host(), spec({ sameHost: [] }), r)).toBe(true);
    expect(ignoreHostsFilter.passes(host(), spec({ ignoreHosts: ['cmp-1'] }), r)).toBe(false);
  });
});
