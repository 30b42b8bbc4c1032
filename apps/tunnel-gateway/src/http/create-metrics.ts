import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RefusalKind =
  | 'auth-method'
  | 'unknown-key'
  | 'revoked-key'
  | 'bad-signature'
  | 'session'
  | 'direct-tcpip'
  | 'streamlocal'
  | 'forward-port'
  | 'forward-bind-address'
  | 'forward-duplicate'
  | 'global-request';

export type GatewayMetrics = ReturnType<typeof createMetrics>;

/** One registry per gateway instance (tests start several in one process). */
export const createMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'yg_gateway_' });
  return {
    registry,
    connections: new Gauge({
      name: 'yg_tunnel_connections',
      help: 'Authenticated agent SSH connections open now',
      registers: [registry],
    }),
    connectionsTotal: new Counter({
      name: 'yg_tunnel_connections_total',
      help: 'SSH connections by authentication result',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    forwards: new Gauge({
      name: 'yg_tunnel_forwards',
      help: 'Forwarded ports listening now',
      registers: [registry],
    }),
    forwardedChannelsTotal: new Counter({
      name: 'yg_tunnel_forwarded_channels_total',
      help: 'TCP connections carried through tunnels',
      registers: [registry],
    }),
    refusalsTotal: new Counter({
      name: 'yg_tunnel_refusals_total',
      help: 'Requests the gateway refused, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    bytesTotal: new Counter({
      name: 'yg_tunnel_bytes_total',
      help: 'Bytes carried through tunnels (to_agent: portal to datacenter)',
      labelNames: ['direction'] as const,
      registers: [registry],
    }),
    probeLatency: new Histogram({
      name: 'yg_tunnel_probe_latency_seconds',
      help: 'GET /agent/healthz round trip through the tunnel',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    probesTotal: new Counter({
      name: 'yg_tunnel_probes_total',
      help: 'Tunnel probes by resulting state',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
  };
};
