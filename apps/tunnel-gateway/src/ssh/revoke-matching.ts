import type { AgentRevocation } from '@yunguan/contract';
import type { GatewayContext } from '../gateway-context';
import { teardownConnection } from './teardown-connection';

/** Disconnect every connection of a revoked datacenter or key, now. */
export const revokeMatching = async (
  ctx: GatewayContext,
  revocation: AgentRevocation,
): Promise<number> => {
  const matching = [...ctx.connections.values()].filter(
    (c) =>
      c.identity !== null &&
      ((revocation.datacenterId !== undefined &&
        c.identity.datacenterId === revocation.datacenterId) ||
        (revocation.fingerprint !== undefined &&
          c.identity.fingerprint === revocation.fingerprint)),
  );
  for (const c of matching) {
    ctx.log.warn(
      { sessionId: c.sessionId, datacenterId: c.identity?.datacenterId },
      'agent revoked; disconnecting',
    );
  }
  await Promise.all(matching.map((c) => teardownConnection(ctx, c, 'revoked')));
  return matching.length;
};
