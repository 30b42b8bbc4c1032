import type { AgentConnection, GatewayContext } from '../gateway-context';
import { recordTunnelHealth } from '../registry/record-tunnel-health';
import { classifyProbe } from './classify-probe';
import { requestHealthz } from './request-healthz';

/** Probe one tunnel through its forwarded port and record the verdict in Redis. */
export const probeTunnel = async (ctx: GatewayContext, conn: AgentConnection): Promise<void> => {
  if (conn.identity === null || conn.forward === null || conn.closed) return;
  const { datacenterId } = conn.identity;
  const outcome = await requestHealthz(
    ctx.config.forwardBindAddress,
    conn.forward.port,
    ctx.config.probeTimeoutMs,
  );
  const verdict = classifyProbe(outcome, ctx.config.probeDegradedMs);
  if (conn.closed) return; // the tunnel went away while probing; the close path recorded offline
  ctx.metrics.probesTotal.inc({ state: verdict.state });
  if (verdict.latencyMs !== null) ctx.metrics.probeLatency.observe(verdict.latencyMs / 1000);
  await recordTunnelHealth(ctx.redis, ctx.keys, {
    datacenterId,
    state: verdict.state,
    latencyMs: verdict.latencyMs,
    checkedAt: new Date().toISOString(),
    gatewayId: ctx.config.gatewayId,
    reason: verdict.reason,
  });
  if (verdict.state !== 'online') {
    ctx.log.warn({ datacenterId, ...verdict }, 'tunnel probe not online');
  }
};
