import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { Relay } from '../monitoring/relay';
import { servePing, serveWrite } from '../monitoring/serve-write';
import { sendError } from './send-json';

/** Endpoints of the local listener only (never the tunnel side): set as they start. */
export type LocalEndpoints = {
  relay: Relay | null;
  /** Sim mode: `POST /agent/sim/spikes` (see docs/monitoring.md). */
  spikes: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null;
};

/** Serve `path` when it is a local endpoint; false when the router should go on routing. */
export const serveLocalEndpoint = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  local: LocalEndpoints,
  log: Logger,
): boolean => {
  const failed = (error: unknown) => {
    log.error({ err: (error as Error).message, path }, 'local endpoint failed');
    if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'the agent could not handle this write');
    else res.destroy();
  };
  if (path === '/write' || path === '/ping') {
    if (!local.relay) {
      sendError(res, 404, 'NOT_FOUND', 'monitoring is off: router.upstreams.influx is not set');
      return true;
    }
    if (path === '/ping') servePing(res);
    else serveWrite(req, res, local.relay).catch(failed);
    return true;
  }
  if (path === '/agent/sim/spikes' && local.spikes) {
    local.spikes(req, res).catch(failed);
    return true;
  }
  return false;
};
