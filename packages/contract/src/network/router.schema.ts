import { z } from 'zod';
import { idSchema, timestamp } from '../common';
import { resourceItemSchema, resourceName, withIdempotencyKey } from '../resources/resource.schema';

const ts = timestamp.nullable();
const fixedIp = z.object({ subnetExternalId: z.string(), ipAddress: z.string() });

export const routerSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
  status: z.string(),
  adminStateUp: z.boolean(),
  externalGateway: z
    .object({
      networkExternalId: z.string(),
      enableSnat: z.boolean(),
      externalFixedIps: z.array(fixedIp),
    })
    .nullable(),
  interfaces: z.array(
    z.object({ portExternalId: z.string(), subnetExternalId: z.string(), ipAddress: z.string() }),
  ),
  createdAt: ts,
  updatedAt: ts,
});
export const routerItemSchema = resourceItemSchema(routerSpec);
export type RouterItem = z.infer<typeof routerItemSchema>;

export const createRouterInput = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: z.string().trim().max(255).optional(),
  /** Mirror id of an external network: the router's gateway (SNAT on unless enableSnat false). */
  externalNetworkId: idSchema.optional(),
  enableSnat: z.boolean().optional(),
  ...withIdempotencyKey,
});
export type CreateRouterInput = z.output<typeof createRouterInput>;

const key = withIdempotencyKey;

/** POST /api/v1/routers/:id/actions — one of these. Ids are mirror ids. */
export const routerActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('set-gateway'),
    networkId: idSchema,
    enableSnat: z.boolean().optional(),
    ...key,
  }),
  z.object({ action: z.literal('clear-gateway'), ...key }),
  z.object({ action: z.literal('add-interface'), subnetId: idSchema, ...key }),
  z.object({ action: z.literal('remove-interface'), subnetId: idSchema, ...key }),
]);
export type RouterActionInput = z.output<typeof routerActionInput>;
