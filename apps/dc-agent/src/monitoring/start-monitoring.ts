import os from 'node:os';
import { join } from 'node:path';
import type { MonitoringSettings } from '../config/agent-config';
import type { Logger } from '../logger';
import type { UpstreamChecker } from '../router/check-upstreams';
import { collectHostMetrics } from './collect-host-metrics';
import { formatPoint } from './format-point';
import { InfluxRejected } from './influx-writer';
import { startRelay, type Relay, type RelayStatus } from './relay';
import { healthLines, runHealthChecks } from './run-health-checks';
import { readCephHealth } from './setup-database';

export type Monitoring = {
  relay: Relay;
  status: () => RelayStatus;
  /** Run the host collection and health checks once now (tests, first sample). */
  collectNow: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Monitoring on the agent: the relay (with its spool in `<dataDir>/spool`), and every
 * `collectIntervalMs` the agent's own host metrics, its relay/spool figures (`yunguan_agent`)
 * and, every `healthCheckIntervalMs`, the cluster and node health checks — all written through
 * the relay like any telegraf would.
 */
export const startMonitoring = async (opts: {
  dataDir: string;
  influxUrl: string;
  settings: MonitoringSettings;
  upstreams: UpstreamChecker;
  tunnel: () => { state: string; dialed: boolean };
  /** Called after every collection with the relay's figures (state.json, `status`). */
  onStatus: (status: RelayStatus) => void;
  log: Logger;
}): Promise<Monitoring> => {
  const { settings, log } = opts;
  const relay = await startRelay({
    influxUrl: opts.influxUrl,
    spoolDir: join(opts.dataDir, 'spool'),
    config: settings,
    log,
  });
  const host = settings.hostName ?? os.hostname();
  let lastHealth = 0;
  const submitLines = async (lines: string[]) => {
    if (lines.length === 0) return;
    await relay.submit({
      target: { db: relay.database, rp: null, precision: 'ms' },
      body: lines.join('\n'),
      points: lines.length,
    });
  };
  const collectNow = async () => {
    const now = Date.now();
    const sample = await collectHostMetrics({ host, diskPaths: ['/', opts.dataDir], nowMs: now });
    const s = relay.status();
    const lines = [
      ...sample.lines,
      formatPoint(
        'yunguan_agent',
        { host },
        {
          spool_bytes: { int: s.spool.bytes },
          spool_points: { int: s.spool.points },
          relayed_points: { int: s.relayedPoints },
          influx_up: { int: s.influx === 'up' ? 1 : 0 },
        },
        now,
      ),
    ];
    if (now - lastHealth >= settings.healthCheckIntervalMs) {
      lastHealth = now;
      // Ceph's status as the datacenter last reported it (none while InfluxDB is away).
      const ceph =
        s.influx === 'up'
          ? await readCephHealth(opts.influxUrl, settings.database).catch((error: unknown) => {
              log.warn({ err: (error as Error).message }, 'Ceph health not read');
              return null;
            })
          : null;
      const results = runHealthChecks({
        upstreams: opts.upstreams.snapshot(),
        tunnel: opts.tunnel(),
        host: sample,
        ceph,
      });
      lines.push(...healthLines(results, host, now));
    }
    await submitLines(lines);
    opts.onStatus(relay.status());
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = collectNow()
        .catch((error: unknown) => {
          const message = (error as Error).message;
          if (error instanceof InfluxRejected) log.error({ err: message }, 'host metrics refused');
          else log.warn({ err: message }, 'host metrics not collected');
        })
        .finally(tick);
    }, settings.collectIntervalMs);
  };
  tick();
  return {
    relay,
    status: relay.status,
    collectNow,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await relay.stop();
    },
  };
};
