import { z } from 'zod';
import { cloudRefSchema, descriptionSchema, idSchema } from '../common';
import { resourceItemSchema, resourceName, withIdempotencyKey } from '../resources/resource.schema';

/** Octavia's two statuses, both shown live. */
const lbStatus = {
  /** ACTIVE, PENDING_CREATE, PENDING_UPDATE, PENDING_DELETE, DELETED, ERROR. */
  provisioningStatus: z.string(),
  /** ONLINE, OFFLINE, DEGRADED, ERROR, DRAINING, NO_MONITOR. */
  operatingStatus: z.string(),
};

export const lbAlgorithmNames = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'] as const;
export const lbListenerProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP'] as const;
export const lbPoolProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'PROXY'] as const;
export const lbHealthMonitorTypes = ['HTTP', 'HTTPS', 'PING', 'TCP'] as const;

export const lbMemberSpec = z.object({
  ...lbStatus,
  externalId: z.string(),
  name: z.string(),
  address: z.string(),
  protocolPort: z.number().int(),
  weight: z.number().int(),
  subnetExternalId: z.string().nullable(),
});

export const lbHealthMonitorSpec = z.object({
  ...lbStatus,
  externalId: z.string(),
  type: z.string(),
  delaySeconds: z.number().int(),
  timeoutSeconds: z.number().int(),
  maxRetries: z.number().int(),
  urlPath: z.string().nullable(),
});

export const lbPoolSpec = z.object({
  ...lbStatus,
  externalId: z.string(),
  name: z.string(),
  protocol: z.string(),
  lbAlgorithm: z.string(),
  listenerExternalIds: z.array(z.string()),
  members: z.array(lbMemberSpec),
  healthMonitor: lbHealthMonitorSpec.nullable(),
});

export const lbListenerSpec = z.object({
  ...lbStatus,
  externalId: z.string(),
  name: z.string(),
  protocol: z.string(),
  protocolPort: z.number().int(),
  /** -1 = unlimited. */
  connectionLimit: z.number().int(),
  defaultPoolExternalId: z.string().nullable(),
});

/**
 * A load balancer as last seen (GET refreshes it from the cloud). Listeners, pools, members and
 * health monitors are parts of it: their ids in actions are these `externalId`s.
 */
export const loadBalancerSpec = z.object({
  ...lbStatus,
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
  vipAddress: z.string().nullable(),
  vipSubnetExternalId: z.string().nullable(),
  vipPortExternalId: z.string().nullable(),
  listeners: z.array(lbListenerSpec),
  pools: z.array(lbPoolSpec),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const loadBalancerItem = resourceItemSchema(loadBalancerSpec);
export type LoadBalancerItem = z.output<typeof loadBalancerItem>;

const ipAddress = z.union([z.ipv4(), z.ipv6()]);
const protocolPort = z.number().int().min(1).max(65535);
/** A listener, pool or member id: the `externalId` inside the load balancer's spec. */
const partId = cloudRefSchema;

/**
 * POST /api/v1/projects/:projectId/load-balancers — the VIP subnet is the mirror id (or the
 * cloud id) of a subnet of the project; quota `load_balancers`.
 */
export const createLoadBalancerInput = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: descriptionSchema.optional(),
  vipSubnetId: cloudRefSchema,
  vipAddress: ipAddress.optional(),
  ...withIdempotencyKey,
});
export type CreateLoadBalancerInput = z.output<typeof createLoadBalancerInput>;

const addListener = z.object({
  action: z.literal('add-listener'),
  name: resourceName,
  protocol: z.enum(lbListenerProtocols),
  protocolPort,
  /** -1 = unlimited. */
  connectionLimit: z
    .number()
    .int()
    .min(-1)
    .max(1_000_000)
    .refine((v) => v !== 0, { message: '-1 (unlimited) or 1..1000000' })
    .default(-1),
  defaultPoolId: partId.optional(),
  ...withIdempotencyKey,
});

const addPool = z.object({
  action: z.literal('add-pool'),
  name: resourceName,
  protocol: z.enum(lbPoolProtocols),
  lbAlgorithm: z.enum(lbAlgorithmNames),
  /** Absent: the pool belongs to the load balancer and no listener uses it yet. */
  listenerId: partId.optional(),
  ...withIdempotencyKey,
});

const addMember = z
  .object({
    action: z.literal('add-member'),
    poolId: partId,
    name: resourceName.optional(),
    /** One of the two: an address, or a server of the project (its fixed IP). */
    address: ipAddress.optional(),
    serverId: idSchema.optional(),
    protocolPort,
    weight: z.number().int().min(0).max(256).default(1),
    /** The member's subnet (mirror or cloud id); default the server's or the VIP subnet. */
    subnetId: cloudRefSchema.optional(),
    ...withIdempotencyKey,
  })
  .refine((v) => (v.address === undefined) !== (v.serverId === undefined), {
    message: 'give either address or serverId',
    path: ['address'],
  });

const addHealthMonitor = z
  .object({
    action: z.literal('add-health-monitor'),
    poolId: partId,
    type: z.enum(lbHealthMonitorTypes),
    delaySeconds: z.number().int().min(1).max(3600),
    timeoutSeconds: z.number().int().min(1).max(3600),
    maxRetries: z.number().int().min(1).max(10),
    urlPath: z
      .string()
      .trim()
      .max(255)
      .regex(/^\/[^\s]*$/, { message: 'a path starting with /' })
      .optional(),
    ...withIdempotencyKey,
  })
  .refine((v) => v.timeoutSeconds <= v.delaySeconds, {
    message: 'timeoutSeconds must not exceed delaySeconds',
    path: ['timeoutSeconds'],
  })
  .refine((v) => v.urlPath === undefined || v.type === 'HTTP' || v.type === 'HTTPS', {
    message: 'urlPath is for HTTP and HTTPS monitors',
    path: ['urlPath'],
  });

/** POST /api/v1/load-balancers/:id/actions — one change; each waits until the LB is ACTIVE. */
export const loadBalancerActionInput = z.discriminatedUnion('action', [
  addListener,
  z.object({ action: z.literal('remove-listener'), listenerId: partId, ...withIdempotencyKey }),
  addPool,
  z.object({ action: z.literal('remove-pool'), poolId: partId, ...withIdempotencyKey }),
  addMember,
  z.object({
    action: z.literal('remove-member'),
    poolId: partId,
    memberId: partId,
    ...withIdempotencyKey,
  }),
  addHealthMonitor,
  z.object({
    action: z.literal('remove-health-monitor'),
    poolId: partId,
    ...withIdempotencyKey,
  }),
]);
export type LoadBalancerActionInput = z.output<typeof loadBalancerActionInput>;
export type LoadBalancerActionName = LoadBalancerActionInput['action'];
