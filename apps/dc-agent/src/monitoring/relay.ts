import type { Logger } from '../logger';
import {
  detectWriteApi,
  InfluxRejected,
  writeBatch,
  type WriteApi,
  type WriteTarget,
} from './influx-writer';
import { downsampleSince, setupDatabase } from './setup-database';
import { openSpool, type Spool, type SpoolRecord } from './spool';

export type MonitoringConfig = {
  database: string;
  rawRetention: string;
  downsampledRetention: string;
  spoolMaxBytes: number;
  replayIntervalMs: number;
  influxToken?: string;
};

export type RelayStatus = {
  influx: 'unknown' | 'up' | 'down';
  writeApi: WriteApi | null;
  version: string | null;
  database: string;
  relayedPoints: number;
  spooledPoints: number;
  spool: { bytes: number; points: number; batches: number; maxBytes: number };
  lastError: string | null;
};

export type Relay = {
  database: string;
  /** Relay a checked batch: straight to InfluxDB, or to the spool (keeping order) while it is away. */
  submit: (record: SpoolRecord) => Promise<void>;
  status: () => RelayStatus;
  stop: () => Promise<void>;
};

/**
 * The agent as influxdb-relay: one InfluxDB per datacenter, its write API detected from /ping
 * (not configured), its database, retention policies and continuous query created on first
 * contact, and a disk spool that holds every batch while it is unreachable and replays them in
 * order when it answers again.
 */
export const startRelay = async (opts: {
  influxUrl: string;
  spoolDir: string;
  config: MonitoringConfig;
  log: Logger;
}): Promise<Relay> => {
  const { influxUrl, config, log } = opts;
  const spool: Spool = await openSpool({ dir: opts.spoolDir, maxBytes: config.spoolMaxBytes });
  let server: { api: WriteApi; version: string | null } | null = null;
  let influx: RelayStatus['influx'] = 'unknown';
  let lastError: string | null = null;
  let relayedPoints = 0;
  let spooledPoints = 0;
  let spoolingSince: Date | null = spool.isEmpty() ? null : new Date(Date.now() - 3_600_000);

  const connect = async () => {
    if (server) return server;
    const detected = await detectWriteApi(influxUrl);
    if (detected.api === 'v1') await setupDatabase(influxUrl, config);
    log.info(
      { version: detected.version, writeApi: detected.api, database: config.database },
      detected.api === 'v1'
        ? 'InfluxDB 1.x found: writing line protocol to /write; database, retention policies and continuous query in place'
        : 'InfluxDB found: writing through /api/v2/write (@influxdata/influxdb-client)',
    );
    server = detected;
    return detected;
  };

  const send = async (record: SpoolRecord) => {
    const s = await connect();
    await writeBatch(
      { url: influxUrl, api: s.api, ...(config.influxToken ? { token: config.influxToken } : {}) },
      record.target,
      record.body,
    );
    relayedPoints += record.points;
  };

  const markDown = (error: unknown) => {
    const message = (error as Error).message;
    if (influx !== 'down') log.warn({ err: message }, 'InfluxDB unreachable: spooling to disk');
    influx = 'down';
    lastError = message;
    server = null; // detect again when it returns (it may come back upgraded)
  };

  const toSpool = async (record: SpoolRecord) => {
    spoolingSince ??= new Date();
    await spool.append(record);
    spooledPoints += record.points;
  };

  const submit = async (record: SpoolRecord) => {
    if (!spool.isEmpty()) return toSpool(record);
    try {
      await send(record);
      influx = 'up';
    } catch (error) {
      if (error instanceof InfluxRejected) throw error;
      markDown(error);
      await toSpool(record);
    }
  };

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const replay = async () => {
    if (spool.isEmpty()) {
      if (!server) await connect().then(() => (influx = 'up'), markDown);
      return;
    }
    try {
      const sent = await spool.drain(async (record) => {
        try {
          await send(record);
        } catch (error) {
          // A batch InfluxDB refuses for its content cannot block the spool: drop it, loudly.
          if (!(error instanceof InfluxRejected)) throw error;
          log.error({ err: error.message, points: record.points }, 'spooled batch refused');
        }
      });
      influx = 'up';
      lastError = null;
      log.info({ points: sent }, 'InfluxDB is back: spool replayed');
      if (spoolingSince && server?.api === 'v1') {
        await downsampleSince(
          influxUrl,
          config.database,
          new Date(spoolingSince.getTime() - 300_000),
        );
      }
      spoolingSince = null;
    } catch (error) {
      markDown(error);
    }
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = replay().finally(loop);
    }, config.replayIntervalMs);
  };
  // First contact now (creates the database); a missing InfluxDB is only "down" until it answers.
  await connect().then(() => (influx = 'up'), markDown);
  loop();

  return {
    database: config.database,
    submit,
    status: () => ({
      influx,
      writeApi: server?.api ?? null,
      version: server?.version ?? null,
      database: config.database,
      relayedPoints,
      spooledPoints,
      spool: spool.stats(),
      lastError,
    }),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
};

export type { WriteTarget };
