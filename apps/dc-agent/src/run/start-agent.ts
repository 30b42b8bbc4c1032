import { mkdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startSimMetrics, type SimMetrics } from '@yunguan/openstack-sim';
import {
  type AgentConfig,
  type ListenAddress,
  type MonitoringSettings,
  type SimConfig,
  type Stack,
  defaultSimLocalListen,
  monitoringSettingsSchema,
  routerConfigSchema,
  simConfigSchema,
} from '../config/agent-config';
import { startMonitoring, type Monitoring } from '../monitoring/start-monitoring';
import type { LocalEndpoints } from '../router/serve-local-endpoints';
import { readAgentConfig, readAgentConfigIfEnrolled } from '../config/agent-config-file';
import type { Logger } from '../logger';
import { startUpstreamChecker } from '../router/check-upstreams';
import { createRouter } from '../router/create-router';
import { type AgentState, writeAgentState } from '../tunnel/agent-state';
import type { BackoffPolicy } from '../tunnel/compute-backoff';
import { runTunnel } from '../tunnel/run-tunnel';
import { spikesEndpoint } from './serve-spikes';
import { type SimStack, startSimStack } from './start-sim-stack';
import { writeOpenrc } from './write-openrc';

export type RunningAgent = {
  state: () => AgentState;
  /** Port of the operators' local listener, when configured. */
  localPort: number | null;
  /** Port of the loopback tunnel-side listener (for stock OpenSSH), when configured. */
  tunnelPort: number | null;
  /** `--stack sim`: the openrc written for the local listener. */
  openrcPath: string | null;
  /** The relay and collectors, when monitoring is on. */
  monitoring: () => Monitoring | null;
  /** Sim mode with monitoring: the simulator's series writer (spikes, writeNow). */
  simMetrics: () => SimMetrics | null;
  stop: () => Promise<void>;
};

/** Standalone sim mode (no agent.json): routers only, no tunnel, nothing to authenticate. */
const standaloneDatacenterId = 'standalone-sim';

/**
 * Start the router(s) and keep the tunnel up until `stop`. With `stack: 'sim'` the simulated
 * datacenter runs in this process and serves every OpenStack prefix; an unenrolled data
 * directory then runs standalone: the local listener only, no tunnel.
 */
export const startAgent = async (opts: {
  dataDir: string;
  log: Logger;
  backoff?: BackoffPolicy;
  /** Overrides agent.json `stack`. */
  stack?: Stack;
  /** Overrides agent.json `router.localListen`. */
  localListen?: ListenAddress;
  /** Overrides agent.json `router.upstreams.influx` (monitoring is off without one). */
  influxUrl?: string;
  /** Overrides parts of agent.json `monitoring`. */
  monitoring?: Partial<MonitoringSettings>;
  /** Overrides parts of agent.json `sim`. */
  sim?: Partial<SimConfig>;
}): Promise<RunningAgent> => {
  const { dataDir, log } = opts;
  const enrolled = await readAgentConfigIfEnrolled(dataDir);
  const stack = opts.stack ?? enrolled?.stack ?? 'openstack';
  // Only the simulator runs without enrollment; for real upstreams this explains what to do.
  const config: AgentConfig | null =
    enrolled ?? (stack === 'sim' ? null : await readAgentConfig(dataDir));
  await mkdir(dataDir, { recursive: true });
  const privateKey = config ? await readFile(join(dataDir, config.keyFile), 'utf8') : null;
  const startedAt = new Date();

  const baseRouter = config?.router ?? routerConfigSchema.parse({});
  const simConfig = { ...(config?.sim ?? simConfigSchema.parse({})), ...opts.sim };
  const sim: SimStack | null =
    stack === 'sim' ? await startSimStack(dataDir, simConfig, log) : null;
  const router = {
    ...baseRouter,
    upstreams: {
      ...baseRouter.upstreams,
      ...sim?.upstreams,
      ...(opts.influxUrl ? { influx: opts.influxUrl } : {}),
    },
    localListen: opts.localListen ?? baseRouter.localListen ?? (sim ? defaultSimLocalListen : null),
  };
  const routerConfig = {
    router,
    routerSecret: config?.routerSecret ?? '',
    datacenterId: config?.datacenterId ?? standaloneDatacenterId,
  };

  const upstreams = startUpstreamChecker(router.upstreams, router.upstreamCheckIntervalMs);
  const tunnelRouter = config
    ? createRouter({ config: routerConfig, requireSecret: true, upstreams, startedAt, log })
    : null;
  const local: LocalEndpoints = { relay: null, spikes: null };
  const localRouter =
    router.localListen === null
      ? null
      : createRouter({
          config: routerConfig,
          requireSecret: false,
          upstreams,
          startedAt,
          log,
          local,
        });
  let ports: { local: number | null; tunnel: number | null };
  try {
    ports = {
      local:
        localRouter && router.localListen ? await listen(localRouter, router.localListen) : null,
      tunnel:
        tunnelRouter && router.tunnelListen
          ? await listen(tunnelRouter, router.tunnelListen)
          : null,
    };
  } catch (error) {
    upstreams.stop();
    await Promise.all([
      localRouter ? close(localRouter) : undefined,
      tunnelRouter ? close(tunnelRouter) : undefined,
      sim?.stop(),
    ]);
    throw error;
  }
  const { local: localPort, tunnel: tunnelPort } = ports;
  let openrcPath: string | null = null;
  if (sim && router.localListen && localPort !== null) {
    openrcPath = await writeOpenrc(
      dataDir,
      { host: router.localListen.host, port: localPort },
      simConfig.adminPassword,
    );
    log.info({ openrc: openrcPath }, `openrc for the local listener: . ${openrcPath}`);
  }

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
    if (config === null) return; // standalone: nothing for `yunguan-agent status` to report
    writeAgentState(dataDir, state).catch((err: unknown) =>
      log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'could not write state.json',
      ),
    );
  };

  const abort = new AbortController();
  // Without dialTunnel, stock OpenSSH keeps the tunnel and forwards to router.tunnelListen.
  const loop =
    config && privateKey !== null && tunnelRouter && config.dialTunnel
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
  if (config && !config.dialTunnel) setState({ state: 'external' });

  // Monitoring: relay + spool to the datacenter's InfluxDB, the host's own metrics and health
  // checks; in sim mode the simulator's series come in through the local listener's /write.
  let monitoring: Monitoring | null = null;
  let simMetrics: SimMetrics | null = null;
  const influxUrl = router.upstreams.influx ?? null;
  if (influxUrl) {
    monitoring = await startMonitoring({
      dataDir,
      influxUrl,
      settings: {
        ...(config?.monitoring ?? monitoringSettingsSchema.parse({})),
        ...opts.monitoring,
      },
      upstreams,
      tunnel: () => ({ state: state.state, dialed: config?.dialTunnel ?? false }),
      onStatus: (m) => setState({ monitoring: m }),
      log,
    });
    local.relay = monitoring.relay;
    if (sim && router.localListen && localPort !== null) {
      simMetrics = await startSimMetrics({
        ctx: sim.sim.ctx,
        writeUrl: `http://${hostOf(router.localListen.host)}:${localPort}/write?db=${monitoring.relay.database}`,
        intervalMs: simConfig.metricsIntervalMs,
        backfill: simConfig.metricsBackfill,
        onError: (error) => log.warn({ err: error.message }, 'simulated metrics not written'),
      });
      local.spikes = spikesEndpoint(simMetrics);
    }
  } else {
    log.info('monitoring off: router.upstreams.influx is not set');
  }
  log.info(
    {
      datacenterId: routerConfig.datacenterId,
      port: config?.port ?? null,
      stack,
      localPort,
      tunnelPort,
      dialTunnel: config?.dialTunnel ?? false,
    },
    config ? 'agent started' : 'agent started standalone (not enrolled): local listener only',
  );

  const stop = async () => {
    await simMetrics?.stop();
    await monitoring?.stop();
    abort.abort();
    await loop;
    upstreams.stop();
    await Promise.all([
      tunnelRouter ? close(tunnelRouter) : undefined,
      localRouter ? close(localRouter) : undefined,
    ]);
    await sim?.stop();
    setState({ state: 'stopped', since: new Date().toISOString(), nextAttemptAt: null });
    log.info('agent stopped');
  };
  return {
    state: () => state,
    localPort,
    tunnelPort,
    openrcPath,
    monitoring: () => monitoring,
    simMetrics: () => simMetrics,
    stop,
  };
};

/** Where to reach a listener bound to `host` from this process. */
const hostOf = (host: string) =>
  host === '0.0.0.0'
    ? '127.0.0.1'
    : host === '::'
      ? '[::1]'
      : host.includes(':')
        ? `[${host}]`
        : host;

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
