import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readAgentConfig } from '../config/agent-config-file';
import type { Logger } from '../logger';
import { startUpstreamChecker } from '../router/check-upstreams';
import { createRouter } from '../router/create-router';
import { type AgentState, writeAgentState } from '../tunnel/agent-state';
import type { BackoffPolicy } from '../tunnel/compute-backoff';
import { runTunnel } from '../tunnel/run-tunnel';

export type RunningAgent = {
  state: () => AgentState;
  /** Port of the operators' local listener, when configured. */
  localPort: number | null;
  /** Port of the loopback tunnel-side listener (for stock OpenSSH), when configured. */
  tunnelPort: number | null;
  stop: () => Promise<void>;
};

/** Start the router(s) and keep the tunnel up until `stop`. */
export const startAgent = async (opts: {
  dataDir: string;
  log: Logger;
  backoff?: BackoffPolicy;
}): Promise<RunningAgent> => {
  const { dataDir, log } = opts;
  const config = await readAgentConfig(dataDir);
  const privateKey = await readFile(join(dataDir, config.keyFile), 'utf8');
  const startedAt = new Date();
  const upstreams = startUpstreamChecker(
    config.router.upstreams,
    config.router.upstreamCheckIntervalMs,
  );
  const tunnelRouter = createRouter({ config, requireSecret: true, upstreams, startedAt, log });
  const localRouter =
    config.router.localListen === null
      ? null
      : createRouter({ config, requireSecret: false, upstreams, startedAt, log });
  const localPort =
    localRouter && config.router.localListen
      ? await listen(localRouter, config.router.localListen)
      : null;
  const tunnelPort = config.router.tunnelListen
    ? await listen(tunnelRouter, config.router.tunnelListen)
    : null;

  let state: AgentState = {
    pid: process.pid,
    state: 'starting',
    gateway: null,
    since: startedAt.toISOString(),
    lastError: null,
    nextAttemptAt: null,
    reconnects: 0,
  };
  const setState = (next: Partial<AgentState>) => {
    state = { ...state, ...next };
    writeAgentState(dataDir, state).catch((err: unknown) =>
      log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'could not write state.json',
      ),
    );
  };

  const abort = new AbortController();
  // Without dialTunnel, stock OpenSSH keeps the tunnel and forwards to router.tunnelListen.
  const loop = config.dialTunnel
    ? runTunnel({
        config,
        privateKey,
        log,
        signal: abort.signal,
        backoff: opts.backoff,
        // Forwarded channels go straight into the router's HTTP parser: no extra TCP hop.
        onChannel: (channel) => tunnelRouter.emit('connection', channel),
        onEvent: (event) => {
          const now = new Date().toISOString();
          if (event.state === 'connected') {
            setState({
              state: 'connected',
              gateway: event.gateway,
              since: now,
              lastError: null,
              nextAttemptAt: null,
            });
          } else if (event.state === 'connecting') {
            setState({ state: 'connecting', gateway: event.gateway });
          } else {
            setState({
              state: 'waiting',
              since: now,
              lastError: event.error,
              nextAttemptAt: new Date(Date.now() + event.delayMs).toISOString(),
              reconnects: state.reconnects + 1,
            });
          }
        },
      })
    : Promise.resolve();
  if (!config.dialTunnel) setState({ state: 'external' });
  log.info(
    {
      datacenterId: config.datacenterId,
      port: config.port,
      localPort,
      tunnelPort,
      dialTunnel: config.dialTunnel,
    },
    'agent started',
  );

  const stop = async () => {
    abort.abort();
    await loop;
    upstreams.stop();
    await Promise.all([close(tunnelRouter), localRouter ? close(localRouter) : undefined]);
    setState({ state: 'stopped', since: new Date().toISOString(), nextAttemptAt: null });
    log.info('agent stopped');
  };
  return { state: () => state, localPort, tunnelPort, stop };
};

const listen = (server: Server, at: { host: string; port: number }): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
