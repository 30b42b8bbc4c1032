import type { ServerResponse } from 'node:http';
import type { RelayStatus } from '../monitoring/relay';
import { agentVersion } from '../version';
import type { UpstreamChecker } from './check-upstreams';
import { sendJson } from './send-json';

/** `/agent/healthz`: cheap, no secrets; the gateway probes it every 10 s through the tunnel. */
export const serveHealthz = (res: ServerResponse, upstreams: UpstreamChecker): void =>
  sendJson(res, 200, { status: upstreams.allReachable() ? 'ok' : 'degraded' });

/** `/agent/info`: version, uptime and upstream health (behind the secret on the tunnel side). */
export const serveInfo = (
  res: ServerResponse,
  info: {
    datacenterId: string;
    startedAt: Date;
    upstreams: UpstreamChecker;
    monitoring: RelayStatus | null;
  },
): void =>
  sendJson(res, 200, {
    version: agentVersion,
    datacenterId: info.datacenterId,
    startedAt: info.startedAt.toISOString(),
    uptimeSeconds: Math.round((Date.now() - info.startedAt.getTime()) / 1000),
    node: process.version,
    upstreams: info.upstreams.snapshot(),
    monitoring: info.monitoring,
  });
