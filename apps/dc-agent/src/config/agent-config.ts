import { enrollAgentOutput } from '@yunguan/contract';
import { z } from 'zod';

/** The path prefixes the router serves; each maps to one upstream base URL. */
export const routePrefixes = [
  'identity',
  'compute',
  'network',
  'volume',
  'image',
  'placement',
  'baremetal',
  'load-balancer',
  'vmware',
  'influx',
  'console',
] as const;
export type RoutePrefix = (typeof routePrefixes)[number];

const listenSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535),
});

export const routerConfigSchema = z.object({
  /** Upstream base URL per prefix, e.g. { compute: "http://10.0.0.5:8774" }. */
  upstreams: z.partialRecord(z.enum(routePrefixes), z.url()).default({}),
  /**
   * Optional listener for operators inside the datacenter: same routes, no secret header.
   * Bind it to a management interface, never to the internet.
   */
  localListen: listenSchema.nullable().default(null),
  /**
   * Optional loopback listener for the tunnel side (secret required), for running the tunnel
   * with stock OpenSSH: `ssh -N -R 127.0.0.1:<port>:127.0.0.1:<this port> …`.
   */
  tunnelListen: listenSchema.nullable().default(null),
  /** Upstream health check period. */
  upstreamCheckIntervalMs: z.number().int().positive().default(30_000),
});
export type RouterConfig = z.infer<typeof routerConfigSchema>;
export type ListenAddress = z.infer<typeof listenSchema>;

/** What the routers serve: real OpenStack endpoints, or the simulator started in-process. */
export const stacks = ['openstack', 'sim'] as const;
export type Stack = (typeof stacks)[number];

/** Where the operators' local listener binds when sim mode needs one and none is configured. */
export const defaultSimLocalListen: ListenAddress = { host: '127.0.0.1', port: 5000 };

export const simConfigSchema = z.object({
  /** Password of the seeded Keystone user `admin` (used on the first start only). */
  adminPassword: z.string().min(1).default('admin'),
  /** State-machine delays in ms (BUILD → ACTIVE, actions, volumes); the simulator's defaults when unset. */
  delays: z
    .object({
      buildMs: z.number().int().nonnegative(),
      actionMs: z.number().int().nonnegative(),
      volumeMs: z.number().int().nonnegative(),
    })
    .partial()
    .default({}),
  /** How often the simulator writes its telegraf-shaped series through the agent's /write. */
  metricsIntervalMs: z.number().int().positive().default(10_000),
  /** On the first start, write the last 24 h (raw) and 30 days (5-minute means) of history. */
  metricsBackfill: z.boolean().default(true),
});
export type SimConfig = z.infer<typeof simConfigSchema>;

const retention = z.string().regex(/^\d+[hdw]$/, 'a duration like 7d, 90d, 12w or 48h');

/**
 * Monitoring: the agent relays line protocol to the datacenter's InfluxDB (`router.upstreams.
 * influx`; monitoring is off without it), spooling while it is away, and collects its own host.
 */
export const monitoringSettingsSchema = z.object({
  database: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only')
    .default('yunguan'),
  rawRetention: retention.default('7d'),
  downsampledRetention: retention.default('90d'),
  /** Upper bound of the disk spool; beyond it writes answer 503 (telegraf keeps and retries). */
  spoolMaxBytes: z
    .number()
    .int()
    .positive()
    .default(512 * 1024 * 1024),
  replayIntervalMs: z.number().int().positive().default(1_000),
  collectIntervalMs: z.number().int().positive().default(10_000),
  healthCheckIntervalMs: z.number().int().positive().default(30_000),
  /** Only for InfluxDB 2.x/3.x (an API token); 1.x here runs without authentication. */
  influxToken: z.string().min(1).optional(),
  /** `host` tag of the agent's own series; the machine's hostname when unset. */
  hostName: z.string().min(1).optional(),
});
export type MonitoringSettings = z.infer<typeof monitoringSettingsSchema>;

/** `<dataDir>/agent.json`: what enrollment returned plus the operator's router settings. */
export const agentConfigSchema = enrollAgentOutput
  .extend({
    portalUrl: z.url(),
    enrolledAt: z.iso.datetime(),
    /** Private key file, relative to the data directory. */
    keyFile: z.string().min(1).default('agent_ed25519'),
    /** Address the agent asks the gateway to listen on. */
    forwardBindAddress: z.string().min(1).default('127.0.0.1'),
    keepaliveIntervalMs: z.number().int().positive().default(15_000),
    keepaliveCountMax: z.number().int().nonnegative().default(3),
    router: routerConfigSchema.default({
      upstreams: {},
      localListen: null,
      tunnelListen: null,
      upstreamCheckIntervalMs: 30_000,
    }),
    /**
     * false: the agent only serves its routers and a stock OpenSSH client (ssh/autossh) keeps the
     * tunnel, forwarding to `router.tunnelListen` (docs/operator-tunnel.md).
     */
    dialTunnel: z.boolean().default(true),
    /** `sim`: serve the simulated datacenter (packages/openstack-sim) instead of `router.upstreams`. */
    stack: z.enum(stacks).default('openstack'),
    sim: simConfigSchema.default({
      adminPassword: 'admin',
      delays: {},
      metricsIntervalMs: 10_000,
      metricsBackfill: true,
    }),
    monitoring: monitoringSettingsSchema.default(monitoringSettingsSchema.parse({})),
  })
  .refine((c) => c.dialTunnel || c.router.tunnelListen !== null, {
    message: 'dialTunnel: false needs router.tunnelListen (where the OpenSSH -R forward points)',
    path: ['router', 'tunnelListen'],
  });
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentConfigInput = z.input<typeof agentConfigSchema>;
