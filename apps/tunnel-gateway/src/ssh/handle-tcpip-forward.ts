import type { TcpipBindInfo } from 'ssh2';
import type { AgentConnection, GatewayContext } from '../gateway-context';
import { probeTunnel } from '../probe/probe-tunnel';
import { publishTunnel } from '../registry/publish-tunnel';
import { decideForward } from './decide-forward';
import { closeForward, openForward } from './open-forward';
import { refuse } from './refuse';
import { teardownConnection } from './teardown-connection';

/** `tcpip-forward`: listen on the datacenter's port, publish the tunnel, probe it at once. */
export const handleTcpipForward = async (
  ctx: GatewayContext,
  conn: AgentConnection,
  info: TcpipBindInfo,
  accept: ((chosenPort?: number) => void) | undefined,
  reject: (() => void) | undefined,
): Promise<void> => {
  const identity = conn.identity;
  if (identity === null) {
    reject?.();
    return;
  }
  const decision = decideForward(info, {
    allowedPort: identity.port,
    bindAddress: ctx.config.forwardBindAddress,
    alreadyForwarding: conn.forward !== null,
  });
  if (!decision.allow) {
    refuse(ctx, conn, decision.kind, {
      bindAddr: info.bindAddr,
      bindPort: info.bindPort,
      reason: decision.reason,
    });
    reject?.();
    return;
  }
  await supersedeOlderConnections(ctx, conn, identity.datacenterId);
  let forward;
  try {
    forward = await openForward(ctx, conn, decision.port, info.bindAddr);
  } catch (err) {
    ctx.log.error(
      {
        datacenterId: identity.datacenterId,
        port: decision.port,
        err: err instanceof Error ? err.message : String(err),
      },
      'could not listen on the datacenter port',
    );
    reject?.();
    return;
  }
  if (conn.closed) {
    await closeForward(forward);
    return;
  }
  conn.forward = forward;
  ctx.metrics.forwards.inc();
  accept?.(decision.port);
  await publishTunnel(
    ctx.redis,
    ctx.keys,
    {
      datacenterId: identity.datacenterId,
      gatewayId: ctx.config.gatewayId,
      host: ctx.config.advertiseHost,
      port: decision.port,
      connectedSince: conn.connectedSince.toISOString(),
      sessionId: conn.sessionId,
      fingerprint: identity.fingerprint,
    },
    registryTtlMs(ctx),
  );
  ctx.log.info(
    { sessionId: conn.sessionId, datacenterId: identity.datacenterId, port: decision.port },
    'tunnel forward open',
  );
  await probeTunnel(ctx, conn);
};

/** The registry entry lives for three probe intervals unless the prober refreshes it. */
export const registryTtlMs = (ctx: GatewayContext): number => ctx.config.probeIntervalMs * 3;

/** A reconnecting agent wins over its own half-dead earlier connection on this gateway. */
const supersedeOlderConnections = async (
  ctx: GatewayContext,
  conn: AgentConnection,
  datacenterId: string,
): Promise<void> => {
  const older = [...ctx.connections.values()].filter(
    (c) => c !== conn && c.identity?.datacenterId === datacenterId,
  );
  await Promise.all(older.map((c) => teardownConnection(ctx, c, 'superseded by a new connection')));
};
