import { gatewayAnnouncementTtlS } from '@yunguan/contract';
import { z } from 'zod';

/** Everything a gateway needs to run; built from the environment by env.ts, or by tests. */
export const gatewayConfigSchema = z.object({
  gatewayId: z.string().min(1),
  dataDir: z.string().min(1),
  sshHost: z.string().min(1),
  /** 0 picks a free port (tests). */
  sshPort: z.number().int().min(0).max(65535),
  /** Where forwarded ports listen; never a public interface in production. */
  forwardBindAddress: z.string().min(1),
  /** Host portal-api dials to reach forwarded ports on this gateway. */
  advertiseHost: z.string().min(1),
  /** SSH address agents dial, announced in Redis for enrollment (not the bind address). */
  publicHost: z.string().min(1).max(253),
  /** Announced SSH port; null announces the port the SSH listener actually got. */
  publicPort: z.number().int().min(1).max(65535).nullable(),
  /** Lifetime of the gateway announcement in seconds; refreshed at a third of it. */
  announceTtlS: z.number().int().min(1).default(gatewayAnnouncementTtlS),
  httpHost: z.string().min(1),
  httpPort: z.number().int().min(0).max(65535),
  redisUrl: z.string().min(1),
  redisKeyPrefix: z.string().min(1),
  portRange: z
    .object({ first: z.number().int().min(1024), last: z.number().int().max(65535) })
    .refine((r) => r.first <= r.last, { message: 'first port must not exceed last port' }),
  keepaliveIntervalMs: z.number().int().positive(),
  keepaliveCountMax: z.number().int().nonnegative(),
  probeIntervalMs: z.number().int().positive(),
  probeTimeoutMs: z.number().int().positive(),
  /** A probe slower than this marks the tunnel degraded. */
  probeDegradedMs: z.number().int().positive(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
