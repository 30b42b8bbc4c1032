import { freeRamMb, freeVcpus } from './filters';
import type { HostWeigher } from './types';

/** Positive multiplier spreads (most free RAM wins), negative stacks. */
export const ramWeigher = (multiplier = 1): HostWeigher => ({
  name: 'RAMWeigher',
  multiplier,
  weigh: (host, _spec, ratios) => freeRamMb(host, ratios.ram),
});

export const cpuWeigher = (multiplier = 1): HostWeigher => ({
  name: 'CPUWeigher',
  multiplier,
  weigh: (host, _spec, ratios) => freeVcpus(host, ratios.cpu),
});

/** soft-affinity: prefer hosts with more group members. */
export const softAffinityWeigher = (multiplier = 1): HostWeigher => ({
  name: 'ServerGroupSoftAffinityWeigher',
  multiplier,
  weigh: (host, spec) =>
    spec.group?.policy === 'soft-affinity'
      ? spec.group.hosts.filter((h) => h === host.name).length
      : 0,
});

/** soft-anti-affinity: prefer hosts with fewer group members. */
export const softAntiAffinityWeigher = (multiplier = 1): HostWeigher => ({
  name: 'ServerGroupSoftAntiAffinityWeigher',
  multiplier,
  weigh: (host, spec) =>
    spec.group?.policy === 'soft-anti-affinity'
      ? -spec.group.hosts.filter((h) => h === host.name).length
      : 0,
});

export const defaultWeighers = (): HostWeigher[] => [
  ramWeigher(1),
  cpuWeigher(1),
  softAffinityWeigher(1),
  softAntiAffinityWeigher(1),
];

/** Nova's normalize(): maps weights linearly to 0..1 (all equal → all 0). */
export const normalize = (weights: number[]): number[] => {
  if (weights.length === 0) return [];
  const min = Math.min(...weights);
  const max = Math.max(...weights);
  if (max === min) return weights.map(() => 0);
  return weights.map((w) => (w - min) / (max - min));
};
