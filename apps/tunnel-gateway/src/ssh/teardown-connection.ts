import type { AgentConnection, GatewayContext } from '../gateway-context';
import { recordTunnelHealth } from '../registry/record-tunnel-health';
import { removeTunnel } from '../registry/remove-tunnel';
import { closeForward } from './open-forward';

/**
 * End a connection and undo everything it held: the listening port, the registry entry, the
 * gauges. Idempotent; the returned promise settles when the port is free again.
 */
export const teardownConnection = (
  ctx: GatewayContext,
  conn: AgentConnection,
  reason: string,
): Promise<void> => {
  conn.teardown ??= runTeardown(ctx, conn, reason);
  return conn.teardown;
};

const runTeardown = async (ctx: GatewayContext, conn: AgentConnection, reason: string) => {
  conn.closed = true;
  ctx.connections.delete(conn.sessionId);
  conn.client.end();
  if (conn.ready) ctx.metrics.connections.dec();
  else ctx.metrics.connectionsTotal.inc({ result: 'unauthenticated' });
  if (conn.forward !== null) {
    await closeForward(conn.forward);
    conn.forward = null;
    ctx.metrics.forwards.dec();
  }
  if (conn.identity === null) return;
  const { datacenterId } = conn.identity;
  ctx.log.info({ sessionId: conn.sessionId, datacenterId, reason }, 'agent disconnected');
  try {
    await unregister(ctx, conn, datacenterId, reason);
  } catch (err) {
    ctx.log.error(
      { datacenterId, err: err instanceof Error ? err.message : String(err) },
      'could not remove the tunnel from the registry; its entry expires on its own',
    );
  }
};

const unregister = async (
  ctx: GatewayContext,
  conn: AgentConnection,
  datacenterId: string,
  reason: string,
) => {
  // Only the connection that owns the entry reports offline: a newer one may have taken over.
  const removed = await removeTunnel(ctx.redis, ctx.keys, datacenterId, conn.sessionId);
  if (!removed) return;
  await recordTunnelHealth(ctx.redis, ctx.keys, {
    datacenterId,
    state: 'offline',
    latencyMs: null,
    checkedAt: new Date().toISOString(),
    gatewayId: ctx.config.gatewayId,
    reason,
  });
};
