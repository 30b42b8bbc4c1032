import type { TcpipBindInfo } from 'ssh2';
import type { AgentConnection, GatewayContext } from '../gateway-context';
import { recordTunnelHealth } from '../registry/record-tunnel-health';
import { removeTunnel } from '../registry/remove-tunnel';
import { matchesCancel } from './decide-forward';
import { closeForward } from './open-forward';
import { refuse } from './refuse';

/** `cancel-tcpip-forward` of the active forward: close the port and leave the registry. */
export const handleCancelForward = async (
  ctx: GatewayContext,
  conn: AgentConnection,
  info: TcpipBindInfo,
  accept: (() => void) | undefined,
  reject: (() => void) | undefined,
): Promise<void> => {
  const forward = conn.forward;
  if (conn.identity === null || forward === null || !matchesCancel(info, forward.port)) {
    refuse(ctx, conn, 'forward-port', {
      bindPort: info.bindPort,
      reason: 'cancel of a forward that is not open',
    });
    reject?.();
    return;
  }
  conn.forward = null;
  await closeForward(forward);
  ctx.metrics.forwards.dec();
  accept?.();
  const { datacenterId } = conn.identity;
  ctx.log.info({ sessionId: conn.sessionId, datacenterId }, 'tunnel forward cancelled');
  if (await removeTunnel(ctx.redis, ctx.keys, datacenterId, conn.sessionId)) {
    await recordTunnelHealth(ctx.redis, ctx.keys, {
      datacenterId,
      state: 'offline',
      latencyMs: null,
      checkedAt: new Date().toISOString(),
      gatewayId: ctx.config.gatewayId,
      reason: 'forward cancelled by the agent',
    });
  }
};
