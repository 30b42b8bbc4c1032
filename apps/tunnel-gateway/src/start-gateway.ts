import type { AddressInfo } from 'node:net';
import { tunnelKeys } from '@yunguan/contract';
import { type GatewayConfigInput, gatewayConfigSchema } from './config/gateway-config';
import type { GatewayContext } from './gateway-context';
import { loadHostKey } from './host-key/load-host-key';
import { type GatewayMetrics, createMetrics } from './http/create-metrics';
import { startHttpServer } from './http/start-http-server';
import { type Logger, createLogger } from './logger';
import { startProber } from './probe/start-prober';
import { announceGateway } from './registry/announce-gateway';
import { createRedis } from './registry/create-redis';
import { subscribeRevocations } from './registry/subscribe-revocations';
import { handleConnection } from './ssh/handle-connection';
import { listenSsh } from './ssh/listen-ssh';
import { revokeMatching } from './ssh/revoke-matching';
import { teardownConnection } from './ssh/teardown-connection';
import { gatewayVersion } from './version';

export type RunningGateway = {
  sshPort: number;
  httpPort: number;
  /** What this gateway announces in Redis: the address agents dial. */
  publicAddress: { host: string; port: number };
  hostKeyFingerprint: string;
  metrics: GatewayMetrics;
  log: Logger;
  stop: () => Promise<void>;
};

/**
 * Start one gateway: host key, Redis, SSH listener, prober, HTTP health and metrics, and the
 * announcement that tells the portal where agents dial it.
 */
export const startGateway = async (input: GatewayConfigInput): Promise<RunningGateway> => {
  const config = gatewayConfigSchema.parse(input);
  const log = createLogger(config.logLevel, config.gatewayId);
  const hostKey = await loadHostKey(config.dataDir);
  if (hostKey.created) log.info({ fingerprint: hostKey.fingerprint }, 'generated a new host key');

  const redis = createRedis(config.redisUrl, `tunnel-gateway:${config.gatewayId}`);
  const subscriber = createRedis(config.redisUrl, `tunnel-gateway:${config.gatewayId}:sub`);
  const ctx: GatewayContext = {
    config,
    log,
    metrics: createMetrics(),
    redis,
    keys: tunnelKeys(config.redisKeyPrefix),
    connections: new Map(),
  };
  await subscribeRevocations(subscriber, ctx.keys, log, (revocation) => {
    revokeMatching(ctx, revocation).catch((err: unknown) => {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'revocation failed');
    });
  });

  const ssh = await listenSsh(config, hostKey.privateKey, log, (client, info) =>
    handleConnection(ctx, client, info),
  );
  const prober = startProber(ctx);
  const http = await startHttpServer(ctx);
  const sshPort = ssh.port;
  const httpPort = (http.address() as AddressInfo).port;
  const publicAddress = { host: config.publicHost, port: config.publicPort ?? sshPort };
  const announcer = await announceGateway({
    redis,
    keys: ctx.keys,
    announcement: {
      gatewayId: config.gatewayId,
      sshHost: publicAddress.host,
      sshPort: publicAddress.port,
      hostKeyFingerprint: hostKey.fingerprint,
      startedAt: new Date().toISOString(),
      version: gatewayVersion,
    },
    ttlS: config.announceTtlS,
    log,
  });
  log.info(
    { sshPort, httpPort, publicAddress, fingerprint: hostKey.fingerprint },
    'tunnel gateway listening',
  );

  const stop = async () => {
    // First leave the announcement, so enrollment stops naming this gateway.
    await announcer.stop().catch((err: unknown) => {
      log.error(
        { err: err instanceof Error ? err.message : String(err) },
        'could not delete the gateway announcement; it expires on its own',
      );
    });
    prober.stop();
    await Promise.all(
      [...ctx.connections.values()].map((c) => teardownConnection(ctx, c, 'gateway stopping')),
    );
    ssh.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await Promise.all([redis.quit(), subscriber.quit()]);
    log.info('tunnel gateway stopped');
  };
  return {
    sshPort,
    httpPort,
    publicAddress,
    hostKeyFingerprint: hostKey.fingerprint,
    metrics: ctx.metrics,
    log,
    stop,
  };
};
