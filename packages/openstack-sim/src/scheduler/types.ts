/**
 * The filter scheduler's inputs (white paper §3.3.2.4, Nova's FilterScheduler): host states
 * and a request spec in, a host name or a NoValidHost reason out. Everything here is pure.
 */
export type HostState = {
  /** Compute service host name (also the hypervisor hostname in the simulator). */
  name: string;
  availabilityZone: string;
  enabled: boolean;
  up: boolean;
  vcpus: number;
  vcpusUsed: number;
  memoryMb: number;
  memoryMbUsed: number;
  localGb: number;
  localGbUsed: number;
  /** Metadata of every aggregate the host belongs to, one record per aggregate. */
  aggregateMetadata: Record<string, string>[];
};

export type GroupPolicy = 'affinity' | 'anti-affinity' | 'soft-affinity' | 'soft-anti-affinity';

export type RequestSpec = {
  flavor: {
    name: string;
    vcpus: number;
    memoryMb: number;
    rootGb: number;
    ephemeralGb: number;
    swapMb: number;
    extraSpecs: Record<string, string>;
  };
  availabilityZone?: string;
  /** Server group policy and the hosts its members already run on (with repeats). */
  group?: { policy: GroupPolicy; hosts: string[]; maxServerPerHost?: number };
  /** os:scheduler_hints different_host / same_host, resolved to host names. */
  differentHost?: string[];
  sameHost?: string[];
  /** Hosts the request must not land on (migrate: the current host). */
  ignoreHosts?: string[];
  /** Volume-backed servers do not consume local disk for the root. */
  bootFromVolume?: boolean;
};

export type AllocationRatios = { cpu: number; ram: number; disk: number };

/** Nova's initial_*_allocation_ratio defaults. */
export const defaultRatios: AllocationRatios = { cpu: 4, ram: 1, disk: 1 };

export type HostFilter = {
  name: string;
  passes: (host: HostState, spec: RequestSpec, ratios: AllocationRatios) => boolean;
  /** Why no host passed, written into the server's fault after "No valid host was found. ". */
  explain: (spec: RequestSpec) => string;
};

export type HostWeigher = {
  name: string;
  multiplier: number;
  /** Raw weight; the scheduler normalises each weigher's weights to 0..1 over the candidates. */
  weigh: (host: HostState, spec: RequestSpec, ratios: AllocationRatios) => number;
};

export type ScheduleResult =
  | { ok: true; host: HostState; weights: { host: string; weight: number }[] }
  | { ok: false; reason: string };
