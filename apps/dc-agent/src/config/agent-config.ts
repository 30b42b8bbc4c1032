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
});
export type SimConfig = z.infer<typeof simConfigSchema>;

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
    sim: simConfigSchema.default({ adminPassword: 'admin', delays: {} }),
  })
  .refine((c) => c.dialTunnel || c.router.tunnelListen !== null, {
    message: 'dialTunnel: false needs router.tunnelListen (where the OpenSSH -R forward points)',
    path: ['router', 'tunnelListen'],
  });
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentConfigInput = z.input<typeof agentConfigSchema>;
