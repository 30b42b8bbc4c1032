import { defaultFilters } from './filters';
import {
  defaultRatios,
  type AllocationRatios,
  type HostFilter,
  type HostState,
  type HostWeigher,
  type RequestSpec,
  type ScheduleResult,
} from './types';
import { defaultWeighers, normalize } from './weighers';

export type ScheduleOptions = {
  filters?: HostFilter[];
  weighers?: HostWeigher[];
  ratios?: AllocationRatios;
};

/**
 * Filter, weigh and pick one host. The first filter that leaves no host names the reason, as in
 * Nova's "Filter RamFilter returned 0 hosts" log line, but written for the user.
 */
export const scheduleOne = (
  hosts: HostState[],
  spec: RequestSpec,
  options: ScheduleOptions = {},
): ScheduleResult => {
  const ratios = options.ratios ?? defaultRatios;
  let candidates = hosts;
  if (candidates.length === 0) return { ok: false, reason: 'There are no compute hosts.' };
  for (const filter of options.filters ?? defaultFilters) {
    candidates = candidates.filter((host) => filter.passes(host, spec, ratios));
    if (candidates.length === 0) return { ok: false, reason: filter.explain(spec) };
  }
  const weighers = options.weighers ?? defaultWeighers();
  const totals = candidates.map(() => 0);
  for (const weigher of weighers) {
    const normalised = normalize(candidates.map((h) => weigher.weigh(h, spec, ratios)));
    normalised.forEach((w, i) => (totals[i] = (totals[i] ?? 0) + weigher.multiplier * w));
  }
  // Highest weight wins; ties go to the first host by name (deterministic, linear scan).
  let bestIndex = -1;
  candidates.forEach((host, i) => {
    const best = candidates[bestIndex];
    const w = totals[i] ?? 0;
    const bw = totals[bestIndex] ?? -Infinity;
    if (!best || w > bw || (w === bw && host.name < best.name)) bestIndex = i;
  });
  const best = candidates[bestIndex];
  if (!best) return { ok: false, reason: 'There are not enough hosts available.' };
  return {
    ok: true,
    host: best,
    weights: candidates.map((h, i) => ({ host: h.name, weight: totals[i] ?? 0 })),
  };
};

/** What a placed instance takes from its host (Nova's consume_from_request). */
export const consume = (host: HostState, spec: RequestSpec): HostState => ({
  ...host,
  vcpusUsed: host.vcpusUsed + spec.flavor.vcpus,
  memoryMbUsed: host.memoryMbUsed + spec.flavor.memoryMb,
  localGbUsed:
    host.localGbUsed +
    (spec.bootFromVolume ? 0 : spec.flavor.rootGb) +
    spec.flavor.ephemeralGb +
    Math.ceil(spec.flavor.swapMb / 1024),
});

/**
 * Place `count` instances one after the other, consuming resources and adding each placement to
 * the group's hosts; all or nothing (Nova fails the whole multi-create when one does not fit).
 */
export const scheduleMany = (
  hosts: HostState[],
  spec: RequestSpec,
  count: number,
  options: ScheduleOptions = {},
): { ok: true; hosts: string[] } | { ok: false; reason: string } => {
  const state = [...hosts];
  const index = new Map(state.map((h, i) => [h.name, i]));
  let current = spec;
  const placed: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = scheduleOne(state, current, options);
    if (!result.ok) return result;
    const name = result.host.name;
    placed.push(name);
    const at = index.get(name) ?? -1;
    state[at] = consume(result.host, current);
    if (current.group)
      current = { ...current, group: { ...current.group, hosts: [...current.group.hosts, name] } };
  }
  return { ok: true, hosts: placed };
};
