import { hostname } from 'node:os';
import { z } from 'zod';
import { type GatewayConfig, gatewayConfigSchema } from './config/gateway-config';

const port = z.coerce.number().int().min(0).max(65535);
const ms = z.coerce.number().int().positive();

const envSchema = z.object({
  GATEWAY_ID: z.string().min(1).default(hostname()),
  GATEWAY_DATA_DIR: z.string().min(1).default('.data/tunnel-gateway'),
  GATEWAY_SSH_HOST: z.string().min(1).default('0.0.0.0'),
  GATEWAY_SSH_PORT: port.default(2222),
  GATEWAY_FORWARD_BIND_ADDRESS: z.string().min(1).default('127.0.0.1'),
  GATEWAY_ADVERTISE_HOST: z.string().min(1).optional(),
  GATEWAY_PUBLIC_HOST: z.string().min(1).optional(),
  GATEWAY_PUBLIC_PORT: port.min(1).optional(),
  GATEWAY_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_HTTP_PORT: port.default(9464),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().min(1).default('yg:'),
  TUNNEL_PORT_RANGE: z
    .string()
    .regex(/^\d+-\d+$/, { message: 'first-last, e.g. 20000-29999' })
    .default('20000-29999'),
  GATEWAY_KEEPALIVE_INTERVAL_MS: ms.default(15_000),
  GATEWAY_KEEPALIVE_COUNT_MAX: z.coerce.number().int().nonnegative().default(3),
  GATEWAY_PROBE_INTERVAL_MS: ms.default(10_000),
  GATEWAY_PROBE_TIMEOUT_MS: ms.default(5_000),
  GATEWAY_PROBE_DEGRADED_MS: ms.default(1_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Validate process.env once at start-up; exits with a readable message when it is wrong. */
export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`tunnel-gateway: invalid environment\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const [first, last] = e.TUNNEL_PORT_RANGE.split('-').map(Number) as [number, number];
  return gatewayConfigSchema.parse({
    gatewayId: e.GATEWAY_ID,
    dataDir: e.GATEWAY_DATA_DIR,
    sshHost: e.GATEWAY_SSH_HOST,
    sshPort: e.GATEWAY_SSH_PORT,
    forwardBindAddress: e.GATEWAY_FORWARD_BIND_ADDRESS,
    advertiseHost: e.GATEWAY_ADVERTISE_HOST ?? e.GATEWAY_FORWARD_BIND_ADDRESS,
    publicHost: defaultPublicHost(e),
    publicPort: e.GATEWAY_PUBLIC_PORT ?? (e.GATEWAY_SSH_PORT === 0 ? null : e.GATEWAY_SSH_PORT),
    httpHost: e.GATEWAY_HTTP_HOST,
    httpPort: e.GATEWAY_HTTP_PORT,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    portRange: { first, last },
    keepaliveIntervalMs: e.GATEWAY_KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: e.GATEWAY_KEEPALIVE_COUNT_MAX,
    probeIntervalMs: e.GATEWAY_PROBE_INTERVAL_MS,
    probeTimeoutMs: e.GATEWAY_PROBE_TIMEOUT_MS,
    probeDegradedMs: e.GATEWAY_PROBE_DEGRADED_MS,
    logLevel: e.LOG_LEVEL,
  });
};

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

/**
 * What agents dial unless GATEWAY_PUBLIC_HOST says: the advertised host, else the SSH bind host
 * — except a wildcard bind, which names no address, so loopback (fine for one-host setups;
 * anything else must set GATEWAY_PUBLIC_HOST).
 */
const defaultPublicHost = (e: {
  GATEWAY_PUBLIC_HOST?: string;
  GATEWAY_ADVERTISE_HOST?: string;
  GATEWAY_SSH_HOST: string;
}): string =>
  e.GATEWAY_PUBLIC_HOST ??
  e.GATEWAY_ADVERTISE_HOST ??
  (wildcardHosts.has(e.GATEWAY_SSH_HOST) ? '127.0.0.1' : e.GATEWAY_SSH_HOST);
