import type { AgentConnection, GatewayContext } from '../gateway-context';
import { findAgentKey } from '../registry/find-agent-key';
import { publishTunnel } from '../registry/publish-tunnel';
import { readTunnel } from '../registry/read-tunnel';
import { registryTtlMs } from '../ssh/handle-tcpip-forward';
import { teardownConnection } from '../ssh/teardown-connection';
import { probeTunnel } from './probe-tunnel';

/**
 * Every probe interval, for each tunnel: confirm the key is still valid (a safety net behind the
 * revocation channel), confirm this connection still owns the registry entry (another gateway
 * may have taken over), refresh the entry's TTL and probe through the tunnel.
 */
export const startProber = (ctx: GatewayContext): { stop: () => void } => {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow round never overlaps the next one
    running = true;
    const round = [...ctx.connections.values()].map((conn) =>
      checkOne(ctx, conn).catch((err: unknown) => {
        ctx.log.error(
          { sessionId: conn.sessionId, err: err instanceof Error ? err.message : String(err) },
          'tunnel check failed',
        );
      }),
    );
    void Promise.all(round).finally(() => {
      running = false;
    });
  }, ctx.config.probeIntervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

const checkOne = async (ctx: GatewayContext, conn: AgentConnection): Promise<void> => {
  if (conn.identity === null || conn.closed) return;
  const { datacenterId, fingerprint } = conn.identity;
  const key = await findAgentKey(ctx.redis, ctx.keys, fingerprint);
  if (key === null || key.revoked || key.datacenterId !== datacenterId) {
    await teardownConnection(ctx, conn, 'key no longer authorised');
    return;
  }
  if (conn.forward === null) return;
  const entry = await readTunnel(ctx.redis, ctx.keys, datacenterId);
  if (entry !== null && entry.sessionId !== conn.sessionId) {
    await teardownConnection(ctx, conn, `superseded by gateway ${entry.gatewayId}`);
    return;
  }
  await publishTunnel(
    ctx.redis,
    ctx.keys,
    {
      datacenterId,
      gatewayId: ctx.config.gatewayId,
      host: ctx.config.advertiseHost,
      port: conn.forward.port,
      connectedSince: conn.connectedSince.toISOString(),
      sessionId: conn.sessionId,
      fingerprint,
    },
    registryTtlMs(ctx),
  );
  await probeTunnel(ctx, conn);
};
