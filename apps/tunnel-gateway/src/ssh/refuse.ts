import type { AgentConnection, GatewayContext } from '../gateway-context';
import type { RefusalKind } from '../http/create-metrics';

/** Every refusal is logged and counted — the record of what agents tried. */
export const refuse = (
  ctx: GatewayContext,
  conn: AgentConnection,
  kind: RefusalKind,
  detail: Record<string, unknown> = {},
): void => {
  ctx.metrics.refusalsTotal.inc({ kind });
  ctx.log.warn(
    {
      kind,
      sessionId: conn.sessionId,
      remoteAddress: conn.remoteAddress,
      datacenterId: conn.identity?.datacenterId,
      ...detail,
    },
    'refused',
  );
};
