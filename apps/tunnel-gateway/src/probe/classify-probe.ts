import type { TunnelState } from '@yunguan/contract';

export type ProbeOutcome =
  | { kind: 'answered'; status: number; latencyMs: number; agentStatus: string | null }
  | { kind: 'failed'; reason: string };

export type ProbeVerdict = { state: TunnelState; latencyMs: number | null; reason: string | null };

/**
 * online: 200, the agent says ok, and fast enough. degraded: answered but slow, not 200, or the
 * agent reports unhealthy upstreams. offline: no answer through the tunnel.
 */
export const classifyProbe = (outcome: ProbeOutcome, degradedMs: number): ProbeVerdict => {
  if (outcome.kind === 'failed')
    return { state: 'offline', latencyMs: null, reason: outcome.reason };
  const latencyMs = Math.round(outcome.latencyMs * 10) / 10;
  if (outcome.status !== 200) {
    return { state: 'degraded', latencyMs, reason: `agent answered HTTP ${outcome.status}` };
  }
  if (outcome.agentStatus !== 'ok') {
    return {
      state: 'degraded',
      latencyMs,
      reason: `agent reports ${outcome.agentStatus ?? 'no status'}`,
    };
  }
  if (outcome.latencyMs > degradedMs) {
    return { state: 'degraded', latencyMs, reason: `slower than ${degradedMs} ms` };
  }
  return { state: 'online', latencyMs, reason: null };
};
