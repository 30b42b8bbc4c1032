import ssh2, { type ClientChannel } from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader exposes it as a default export only.
const { Client } = ssh2;
import type { Logger } from '../logger';
import { fingerprintOf } from './fingerprint-of';

export type TunnelTarget = {
  host: string;
  port: number;
  username: string;
  privateKey: string;
  /** `SHA256:…`; any other host key is refused. */
  hostKeyFingerprint: string;
  forwardBindAddress: string;
  forwardPort: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
};

export class HostKeyMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly presented: string,
  ) {
    super(
      `gateway host key ${presented} does not match the pinned ${expected}; refusing to connect`,
    );
    this.name = 'HostKeyMismatchError';
  }
}

export type TunnelSession = {
  /** Settles when the connection has ended (after being settled). */
  closed: Promise<string>;
  end: () => void;
};

/**
 * One SSH connection: verify the pinned host key, authenticate with the agent key, request the
 * forward of the datacenter port. Resolves once the forward is active; every forwarded
 * connection is handed to `onChannel`. Aborting `signal` ends the connection in any phase:
 * during the handshake the promise rejects, afterwards `closed` settles.
 */
export const connectTunnel = (
  target: TunnelTarget,
  onChannel: (channel: ClientChannel) => void,
  log: Logger,
  signal?: AbortSignal,
): Promise<TunnelSession> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('stopped before connecting'));
      return;
    }
    const client = new Client();
    let presented: string | null = null;
    let settled = false;
    let lastError: Error | null = null;
    let closeReason = 'connection closed';
    let resolveClosed: (reason: string) => void = () => undefined;
    const closed = new Promise<string>((r) => (resolveClosed = r));

    const fail = (err: Error) => {
      if (settled) return;
      settled = true; // settle once
      client.end();
      reject(err);
    };

    client.on('tcp connection', (info, accept, rejectChannel) => {
      if (info.destPort !== target.forwardPort) {
        log.warn(
          { destPort: info.destPort },
          'gateway offered a channel for another port; refused',
        );
        rejectChannel();
        return;
      }
      onChannel(accept());
    });
    // ssh2 leaves Nagle on; a channel confirmation followed by the first response bytes would
    // then wait for the gateway's delayed ACK (~40 ms per forwarded connection).
    client.on('connect', () => client.setNoDelay(true));
    client.on('ready', () => {
      client.forwardIn(target.forwardBindAddress, target.forwardPort, (err) => {
        if (err) {
          fail(
            new Error(`gateway refused the forward of port ${target.forwardPort}: ${err.message}`),
          );
          return;
        }
        settled = true;
        resolve({ closed, end: () => client.end() });
      });
    });
    const onAbort = () => {
      closeReason = 'stopped';
      if (settled) {
        client.end(); // a clean SSH disconnect
        return;
      }
      // Mid-handshake: drop the socket at once, never wait for a gateway that may not answer.
      settled = true;
      client.destroy();
      reject(new Error('stopped while connecting'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    client.on('error', (err) => {
      lastError = err;
      closeReason = err.message;
      if (presented !== null && presented !== target.hostKeyFingerprint) {
        fail(new HostKeyMismatchError(target.hostKeyFingerprint, presented));
      } else {
        fail(err);
      }
    });
    client.on('close', () => {
      signal?.removeEventListener('abort', onAbort);
      if (!settled) fail(lastError ?? new Error('connection closed during the handshake'));
      resolveClosed(closeReason);
    });
    client.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      privateKey: target.privateKey,
      keepaliveInterval: target.keepaliveIntervalMs,
      keepaliveCountMax: target.keepaliveCountMax,
      readyTimeout: 20_000,
      hostVerifier: (key: Buffer) => {
        presented = fingerprintOf(key);
        return presented === target.hostKeyFingerprint;
      },
    });
  });
