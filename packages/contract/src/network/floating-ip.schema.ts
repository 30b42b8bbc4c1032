import { z } from 'zod';
import { cloudRefSchema, idSchema, timestamp } from '../common';
import { resourceItemSchema, withIdempotencyKey } from '../resources/resource.schema';

const ts = timestamp.nullable();

export const portForwardingSpec = z.object({
  externalId: z.string(),
  floatingIpExternalId: z.string(),
  protocol: z.enum(['tcp', 'udp']),
  internalPortExternalId: z.string(),
  internalIpAddress: z.string(),
  internalPort: z.number().int(),
  externalPort: z.number().int(),
  description: z.string(),
});

export const floatingIpSpec = z.object({
  externalId: z.string(),
  floatingIpAddress: z.string(),
  floatingNetworkExternalId: z.string(),
  projectExternalId: z.string(),
  /** ACTIVE, DOWN, ERROR. */
  status: z.string(),
  portExternalId: z.string().nullable(),
  fixedIpAddress: z.string().nullable(),
  routerExternalId: z.string().nullable(),
  description: z.string(),
  createdAt: ts,
  updatedAt: ts,
  /** As last seen by a task on this floating IP. */
  portForwardings: z.array(portForwardingSpec).default([]),
  /** Mirror id and name of the server the floating IP points at, when associated by the portal. */
  server: z.object({ id: z.string(), name: z.string() }).nullable().default(null),
});
export const floatingIpItemSchema = resourceItemSchema(floatingIpSpec);
export type FloatingIpItem = z.infer<typeof floatingIpItemSchema>;

export const createFloatingIpInput = z.object({
  datacenterId: idSchema,
  /** Mirror id of an external network (see the network list with datacenterId). */
  networkId: idSchema,
  description: z.string().trim().max(255).optional(),
  ...withIdempotencyKey,
});
export type CreateFloatingIpInput = z.output<typeof createFloatingIpInput>;

const key = withIdempotencyKey;
const port = z.number().int().min(1).max(65_535);
const ipText = z.string().trim().min(2).max(45);

/** POST /api/v1/floating-ips/:id/actions — one of these. serverId/portId are mirror ids. */
export const floatingIpActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('associate'),
    /** The project's server (mirror id); its first port unless portId/fixedIp say which. */
    serverId: idSchema,
    portId: idSchema.optional(),
    fixedIp: ipText.optional(),
    ...key,
  }),
  z.object({ action: z.literal('disassociate'), ...key }),
  z.object({
    action: z.literal('add-port-forwarding'),
    protocol: z.enum(['tcp', 'udp']),
    internalPort: port,
    externalPort: port,
    serverId: idSchema,
    fixedIp: ipText.optional(),
    description: z.string().trim().max(255).optional(),
    ...key,
  }),
  z.object({
    action: z.literal('remove-port-forwarding'),
    /** The cloud's id of the forwarding (spec.portForwardings[].externalId). */
    portForwardingId: cloudRefSchema,
    ...key,
  }),
]);
export type FloatingIpActionInput = z.output<typeof floatingIpActionInput>;
