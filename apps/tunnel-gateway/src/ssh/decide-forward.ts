import type { RefusalKind } from '../http/create-metrics';

export type ForwardRequest = { bindAddr: string; bindPort: number };
export type ForwardPolicy = {
  /** The datacenter's allocated port. */
  allowedPort: number;
  /** The gateway's configured forward bind address. */
  bindAddress: string;
  /** Is a forward already listening for this connection? */
  alreadyForwarding: boolean;
};
export type ForwardDecision =
  { allow: true; port: number } | { allow: false; kind: RefusalKind; reason: string };

/**
 * What `tcpip-forward` may ask for. The gateway always listens on its own bind address; a client
 * may name that address, "localhost" or nothing (OpenSSH's `-R port:host:hostport`). Port 0
 * ("any port", `-R 0:…`) is answered with the datacenter's own port.
 */
export const decideForward = (req: ForwardRequest, policy: ForwardPolicy): ForwardDecision => {
  const okAddresses = new Set(['', 'localhost', policy.bindAddress]);
  if (!okAddresses.has(req.bindAddr)) {
    return {
      allow: false,
      kind: 'forward-bind-address',
      reason: `bind address ${JSON.stringify(req.bindAddr)} is not allowed`,
    };
  }
  if (req.bindPort !== 0 && req.bindPort !== policy.allowedPort) {
    return {
      allow: false,
      kind: 'forward-port',
      reason: `port ${req.bindPort} is not this datacenter's port`,
    };
  }
  if (policy.alreadyForwarding) {
    return { allow: false, kind: 'forward-duplicate', reason: 'port is already forwarded' };
  }
  return { allow: true, port: policy.allowedPort };
};

/** A cancel matches the active forward when its port (or 0 for a dynamic forward) matches. */
export const matchesCancel = (req: ForwardRequest, activePort: number | null): boolean =>
  activePort !== null && (req.bindPort === activePort || req.bindPort === 0);
