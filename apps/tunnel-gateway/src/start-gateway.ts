import type { AddressInfo } from 'node:net';
import { tunnelKeys } from '@yunguan/contract';
import ssh2, { type Connection } from 'ssh2';
import { type GatewayConfig, gatewayConfigSchema } from './config/gateway-config';
import type { GatewayContext } from './gateway-context';
import { loadHostKey } from './host-key/load-host-key';
import { type GatewayMetrics, createMetrics } from './http/create-metrics';
import { startHttpServer } from './http/start-http-server';
import { type Logger, createLogger } from './logger';
import { startProber } from './probe/start-prober';
import { createRedis } from './registry/create-redis';
import { subscribeRevocations } from './registry/subscribe-revocations';
import { handleConnection } from './ssh/handle-connection';
import { revokeMatching } from './ssh/revoke-matching';
import { teardownConnection } from './ssh/teardown-connection';

export type RunningGateway = {
  sshPort: number;
  httpPort: number;
  hostKeyFingerprint: string;
  metrics: GatewayMetrics;
  log: Logger;
  stop: () => Promise<void>;
};

/** Start one gateway: host key, Redis, SSH listener, prober, HTTP health and metrics. */
export const startGateway = async (input: GatewayConfig): Promise<RunningGateway> => {
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

  const clients = new Set<Connection>();
  const server = new ssh2.Server(
    {
      hostKeys: [hostKey.privateKey],
      ident: 'yunguan-tunnel-gateway',
      keepaliveInterval: config.keepaliveIntervalMs,
      keepaliveCountMax: config.keepaliveCountMax,
    },
    (client, info) => {
      clients.add(client);
      client.once('close', () => clients.delete(client));
      handleConnection(ctx, client, info);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.sshPort, config.sshHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err: Error) => log.error({ err: err.message }, 'ssh listener error'));
  const prober = startProber(ctx);
  const http = await startHttpServer(ctx);
  const sshPort = (server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  log.info({ sshPort, httpPort, fingerprint: hostKey.fingerprint }, 'tunnel gateway listening');

  const stop = async () => {
    prober.stop();
    server.close();
    await Promise.all(
      [...ctx.connections.values()].map((c) => teardownConnection(ctx, c, 'gateway stopping')),
    );
    for (const client of clients) client.end();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await Promise.all([redis.quit(), subscriber.quit()]);
    log.info('tunnel gateway stopped');
  };
  return {
    sshPort,
    httpPort,
    hostKeyFingerprint: hostKey.fingerprint,
    metrics: ctx.metrics,
    log,
    stop,
  };
};
