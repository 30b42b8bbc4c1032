import { z } from 'zod';

/**
 * Forced values for demos and alert tests: "server X's cpu at 95 % for N minutes". Kept in
 * memory by the running simulator (a restart clears them).
 */
export const spikeMetrics = ['cpu', 'memory', 'disk', 'ceph_health'] as const;
export type SpikeMetric = (typeof spikeMetrics)[number];

export const spikeInput = z.object({
  /** A server, hypervisor (hostname or id), bare-metal node or volume id; `ceph` for Ceph. */
  resource: z.string().min(1).max(255),
  metric: z.enum(spikeMetrics),
  /** Percent for cpu, memory and disk; 0 OK, 1 WARN, 2 ERR for ceph_health. */
  value: z.number().min(0).max(100),
  minutes: z
    .number()
    .positive()
    .max(24 * 60),
});
export type SpikeInput = z.infer<typeof spikeInput>;

export type Spike = SpikeInput & { untilMs: number };

export type Spikes = {
  add: (input: SpikeInput, nowMs?: number) => Spike;
  /** The forced value of `metric` on any of `resources` at `tMs`, or null. */
  valueOf: (resources: string[], metric: SpikeMetric, tMs: number) => number | null;
  list: (nowMs?: number) => Spike[];
  clear: () => void;
};

export const createSpikes = (): Spikes => {
  let spikes: Spike[] = [];
  return {
    add: (input, nowMs = Date.now()) => {
      const spike = { ...input, untilMs: nowMs + input.minutes * 60_000 };
      spikes = [...spikes.filter((s) => s.untilMs > nowMs), spike];
      return spike;
    },
    valueOf: (resources, metric, tMs) => {
      const hit = spikes.findLast(
        (s) => s.metric === metric && s.untilMs > tMs && resources.includes(s.resource),
      );
      return hit ? hit.value : null;
    },
    list: (nowMs = Date.now()) => spikes.filter((s) => s.untilMs > nowMs),
    clear: () => {
      spikes = [];
    },
  };
};
