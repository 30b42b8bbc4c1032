import type { HostFilter, HostState, RequestSpec } from './types';

const where = (spec: RequestSpec) =>
  spec.availabilityZone ? `no host in ${spec.availabilityZone}` : 'no host';

const diskGbOf = (spec: RequestSpec) =>
  (spec.bootFromVolume ? 0 : spec.flavor.rootGb) +
  spec.flavor.ephemeralGb +
  Math.ceil(spec.flavor.swapMb / 1024);

export const availabilityZoneFilter: HostFilter = {
  name: 'AvailabilityZoneFilter',
  passes: (host, spec) => !spec.availabilityZone || host.availabilityZone === spec.availabilityZone,
  explain: (spec) => `no enabled host is in availability zone ${spec.availabilityZone ?? '-'}`,
};

export const computeFilter: HostFilter = {
  name: 'ComputeFilter',
  passes: (host) => host.enabled && host.up,
  explain: (spec) => `${where(spec)} has an enabled compute service that is up`,
};

export const freeRamMb = (host: HostState, ratio: number) =>
  host.memoryMb * ratio - host.memoryMbUsed;
export const freeVcpus = (host: HostState, ratio: number) => host.vcpus * ratio - host.vcpusUsed;
export const freeDiskGb = (host: HostState, ratio: number) =>
  host.localGb * ratio - host.localGbUsed;

export const ramFilter: HostFilter = {
  name: 'RamFilter',
  passes: (host, spec, ratios) => freeRamMb(host, ratios.ram) >= spec.flavor.memoryMb,
  explain: (spec) =>
    `${where(spec)} has ${spec.flavor.memoryMb} MB free RAM for flavor ${spec.flavor.name}`,
};

export const vcpuFilter: HostFilter = {
  name: 'CoreFilter',
  passes: (host, spec, ratios) => freeVcpus(host, ratios.cpu) >= spec.flavor.vcpus,
  explain: (spec) =>
    `${where(spec)} has ${spec.flavor.vcpus} free vCPUs for flavor ${spec.flavor.name}`,
};

export const diskFilter: HostFilter = {
  name: 'DiskFilter',
  passes: (host, spec, ratios) => freeDiskGb(host, ratios.disk) >= diskGbOf(spec),
  explain: (spec) =>
    `${where(spec)} has ${diskGbOf(spec)} GB free disk for flavor ${spec.flavor.name}`,
};

/** Extra specs scoped `aggregate_instance_extra_specs:` or unscoped (no other scope) must match
 * a value of that key in one of the host's aggregates; values may be comma-separated choices. */
const aggregateSpecs = (spec: RequestSpec) =>
  Object.entries(spec.flavor.extraSpecs).flatMap(([key, value]) => {
    const scoped = key.startsWith('aggregate_instance_extra_specs:');
    if (!scoped && key.includes(':')) return [];
    return [[scoped ? key.slice('aggregate_instance_extra_specs:'.length) : key, value] as const];
  });

export const aggregateInstanceExtraSpecsFilter: HostFilter = {
  name: 'AggregateInstanceExtraSpecsFilter',
  passes: (host, spec) =>
    aggregateSpecs(spec).every(([key, wanted]) =>
      host.aggregateMetadata.some((meta) => {
        const have = meta[key];
        return (
          have !== undefined &&
          have
            .split(',')
            .map((v) => v.trim())
            .includes(wanted.trim())
        );
      }),
    ),
  explain: (spec) =>
    `${where(spec)} is in an aggregate with ${aggregateSpecs(spec)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')} for flavor ${spec.flavor.name}`,
};

export const serverGroupAffinityFilter: HostFilter = {
  name: 'ServerGroupAffinityFilter',
  passes: (host, spec) =>
    spec.group?.policy !== 'affinity' ||
    spec.group.hosts.length === 0 ||
    spec.group.hosts.includes(host.name),
  explain: (spec) =>
    `${where(spec)} that runs the affinity group's members (${[...new Set(spec.group?.hosts)].join(', ')}) can take flavor ${spec.flavor.name}`,
};

export const serverGroupAntiAffinityFilter: HostFilter = {
  name: 'ServerGroupAntiAffinityFilter',
  passes: (host, spec) => {
    if (spec.group?.policy !== 'anti-affinity') return true;
    const onHost = spec.group.hosts.filter((h) => h === host.name).length;
    return onHost < (spec.group.maxServerPerHost ?? 1);
  },
  explain: (spec) =>
    `${where(spec)} without a member of the anti-affinity group can take flavor ${spec.flavor.name}`,
};

export const differentHostFilter: HostFilter = {
  name: 'DifferentHostFilter',
  passes: (host, spec) => !(spec.differentHost ?? []).includes(host.name),
  explain: (spec) => `${where(spec)} other than ${spec.differentHost?.join(', ')} fits`,
};

export const sameHostFilter: HostFilter = {
  name: 'SameHostFilter',
  passes: (host, spec) => !spec.sameHost?.length || spec.sameHost.includes(host.name),
  explain: (spec) => `${where(spec)} among ${spec.sameHost?.join(', ')} fits`,
};

export const ignoreHostsFilter: HostFilter = {
  name: 'IgnoreHostsFilter',
  passes: (host, spec) => !(spec.ignoreHosts ?? []).includes(host.name),
  explain: () => 'no other host is available',
};

/** Nova's enabled_filters order, plus the hint filters. */
export const defaultFilters: HostFilter[] = [
  ignoreHostsFilter,
  availabilityZoneFilter,
  computeFilter,
  ramFilter,
  vcpuFilter,
  diskFilter,
  aggregateInstanceExtraSpecsFilter,
  serverGroupAffinityFilter,
  serverGroupAntiAffinityFilter,
  differentHostFilter,
  sameHostFilter,
];
