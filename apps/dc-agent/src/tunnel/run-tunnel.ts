import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientChannel } from 'ssh2';
import type { AgentConfig } from '../config/agent-config';
import type { Logger } from '../logger';
import { type BackoffPolicy, computeBackoff, defaultBackoff } from './compute-backoff';
import { HostKeyMismatchError, connectTunnel } from './connect-tunnel';

export type TunnelEvent =
  | { state: 'connecting'; gateway: string }
  | { state: 'connected'; gateway: string }
  | { state: 'waiting'; gateway: string; error: string; delayMs: number };

/** A connection that lasted this long was healthy: the next failure starts back-off afresh. */
const stableAfterMs = 10_000;

/**
 * Keep one tunnel up until `signal` aborts: connect, hold, and on loss reconnect with
 * exponential back-off and jitter (cap 30 s), rotating through the enrolled gateways.
 */
export const runTunnel = async (opts: {
  config: AgentConfig;
  privateKey: string;
  onChannel: (channel: ClientChannel) => void;
  onEvent: (event: TunnelEvent) => void;
  log: Logger;
  signal: AbortSignal;
  backoff?: BackoffPolicy;
}): Promise<void> => {
  const { config, log, signal } = opts;
  let failures = 0;
  let turn = 0;
  while (!signal.aborted) {
    const gw = config.gateways[turn % config.gateways.length]!;
    const gateway = `${gw.host}:${gw.port}`;
    opts.onEvent({ state: 'connecting', gateway });
    let error: string;
    try {
      const session = await connectTunnel(
        {
          host: gw.host,
          port: gw.port,
          username: config.sshUser,
          privateKey: opts.privateKey,
          hostKeyFingerprint: config.hostKeyFingerprint,
          forwardBindAddress: config.forwardBindAddress,
          forwardPort: config.port,
          keepaliveIntervalMs: config.keepaliveIntervalMs,
          keepaliveCountMax: config.keepaliveCountMax,
        },
        opts.onChannel,
        log,
        signal,
      );
      const connectedAt = Date.now();
      log.info({ gateway, port: config.port }, 'tunnel up');
      opts.onEvent({ state: 'connected', gateway });
      // The session ends itself when `signal` aborts — also if that happened mid-handshake.
      error = await session.closed;
      if (signal.aborted) break;
      failures = Date.now() - connectedAt >= stableAfterMs ? 0 : failures + 1;
      log.warn({ gateway, reason: error }, 'tunnel lost');
    } catch (err) {
      if (signal.aborted) break;
      failures += 1;
      turn += 1;
      error = err instanceof Error ? err.message : String(err);
      if (err instanceof HostKeyMismatchError) {
        log.error(
          { gateway, expected: err.expected, presented: err.presented },
          'GATEWAY HOST KEY MISMATCH — refusing to connect; re-enroll if the gateway key was rotated on purpose',
        );
      } else {
        log.warn({ gateway, err: error }, 'tunnel connect failed');
      }
    }
    const delayMs = computeBackoff(Math.max(0, failures - 1), opts.backoff ?? defaultBackoff);
    opts.onEvent({ state: 'waiting', gateway, error, delayMs });
    try {
      await sleep(delayMs, undefined, { signal });
    } catch (err) {
      if (!signal.aborted) throw err; // an abort during the pause is how `stop` ends the loop
    }
  }
};
