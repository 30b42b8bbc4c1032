import { z } from 'zod';
import { idSchema, pageOf, timestamp } from '../common';
import {
  resourceItemSchema,
  resourceListQuery,
  resourceName,
  withIdempotencyKey,
} from '../resources/resource.schema';
import { providerIssues, reportIssues, subnetIssues } from './network-rules';

/**
 * Networks, subnets and ports: the mirror's `spec` is the cloud-core DTO the portal last saw
 * (packages/cloud-core/src/network-dto.ts); ids inside a spec are the cloud's (`…ExternalId`),
 * ids of items and inputs are the portal's mirror ids.
 */
const ts = timestamp.nullable();
const description = z.string().trim().max(255);

/**
 * Left out for callers who may not see them: projectExternalId on another tenant's shared or
 * external network; physicalNetwork and segmentationId without compute.admin; providerType on
 * another tenant's network without compute.admin.
 */
export const networkSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.string(),
  projectExternalId: z.string().optional(),
  external: z.boolean(),
  shared: z.boolean(),
  adminStateUp: z.boolean(),
  mtu: z.number().int().nullable(),
  providerType: z.string().nullable().optional(),
  physicalNetwork: z.string().nullable().optional(),
  segmentationId: z.number().int().nullable().optional(),
  subnetExternalIds: z.array(z.string()),
  createdAt: ts,
  updatedAt: ts,
});
/** `owned`: the project's own network; false for shared and external ones it may use. */
export const networkItemSchema = resourceItemSchema(networkSpec).extend({ owned: z.boolean() });
export type NetworkItem = z.infer<typeof networkItemSchema>;

export const networkListQuery = resourceListQuery;
export const networkListResponse = pageOf(networkItemSchema).extend({
  /** When the cloud was read for this answer (datacenterId given); null: from the mirror only. */
  liveAt: timestamp.nullable(),
});

export const providerNetworkInput = z.object({
  type: z.enum(['flat', 'vlan', 'vxlan']),
  physicalNetwork: z.string().trim().min(1).max(64).optional(),
  segmentationId: z.number().int().min(1).max(16_777_215).optional(),
});

/** The admin-only fields of a network (compute.admin): sharing, external, provider attributes. */
export const networkAdminFields = ['shared', 'external', 'provider'] as const;

export const createNetworkShape = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: description.optional(),
  adminStateUp: z.boolean().optional(),
  mtu: z.number().int().min(68).max(9216).optional(),
  shared: z.boolean().optional(),
  external: z.boolean().optional(),
  provider: providerNetworkInput.optional(),
  ...withIdempotencyKey,
});
export const createNetworkInput = createNetworkShape.superRefine((v, ctx) => {
  if (v.provider) reportIssues(ctx, providerIssues(v.provider));
});
export type CreateNetworkInput = z.output<typeof createNetworkInput>;

const ipText = z.string().trim().min(2).max(45);
const cidrText = z.string().trim().min(3).max(49);

export const allocationPoolInput = z.object({ start: ipText, end: ipText });
export const hostRouteInput = z.object({ destination: cidrText, nexthop: ipText });

export const subnetSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  networkExternalId: z.string(),
  projectExternalId: z.string(),
  cidr: z.string(),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  gatewayIp: z.string().nullable(),
  enableDhcp: z.boolean(),
  dnsNameservers: z.array(z.string()),
  allocationPools: z.array(z.object({ start: z.string(), end: z.string() })),
  hostRoutes: z.array(z.object({ destination: z.string(), nexthop: z.string() })),
  createdAt: ts,
  updatedAt: ts,
});
export const subnetItemSchema = resourceItemSchema(subnetSpec);
export type SubnetItem = z.infer<typeof subnetItemSchema>;

const subnetAddressFields = {
  /** null: a subnet without gateway; absent: the cloud takes the first address. */
  gatewayIp: ipText.nullable().optional(),
  enableDhcp: z.boolean().default(true),
  dnsNameservers: z.array(ipText).max(5).default([]),
  allocationPools: z.array(allocationPoolInput).max(16).default([]),
  hostRoutes: z.array(hostRouteInput).max(32).optional(),
};

export const createSubnetShape = z.object({
  /** The mirror id of the network (the project's own, or a shared one). */
  networkId: idSchema,
  name: resourceName,
  description: description.optional(),
  cidr: cidrText,
  ipVersion: z.union([z.literal(4), z.literal(6)]).default(4),
  ...subnetAddressFields,
  ...withIdempotencyKey,
});
export const createSubnetInput = createSubnetShape.superRefine((v, ctx) =>
  reportIssues(ctx, subnetIssues(v)),
);
export type CreateSubnetInput = z.output<typeof createSubnetInput>;

/** PATCH: the CIDR and IP version stay; the rest is re-checked against the stored CIDR. */
export const updateSubnetShape = z.object({
  name: resourceName.optional(),
  gatewayIp: ipText.nullable().optional(),
  enableDhcp: z.boolean().optional(),
  dnsNameservers: z.array(ipText).max(5).optional(),
  allocationPools: z.array(allocationPoolInput).max(16).optional(),
  hostRoutes: z.array(hostRouteInput).max(32).optional(),
  ...withIdempotencyKey,
});
export const updateSubnetInput = updateSubnetShape.superRefine((v, ctx) =>
  reportIssues(
    ctx,
    subnetIssues(v).filter((i) => i.path[0] !== 'cidr'),
  ),
);
export type UpdateSubnetInput = z.output<typeof updateSubnetInput>;

export const portSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  networkExternalId: z.string(),
  projectExternalId: z.string(),
  macAddress: z.string(),
  fixedIps: z.array(z.object({ subnetExternalId: z.string(), ipAddress: z.string() })),
  deviceOwner: z.string(),
  deviceExternalId: z.string(),
  status: z.string(),
  adminStateUp: z.boolean(),
  securityGroupExternalIds: z.array(z.string()),
  createdAt: ts,
});
export const portItemSchema = resourceItemSchema(portSpec);
export type PortItem = z.infer<typeof portItemSchema>;

export const portListQuery = resourceListQuery.extend({
  /** Live from the cloud: the ports of this server (mirror id) … */
  serverId: idSchema.optional(),
  /** … or of this network (mirror id); the mirror rows are refreshed with what is seen. */
  networkId: idSchema.optional(),
});

export const createPortInput = z.object({
  networkId: idSchema,
  name: resourceName,
  /** Mirror ids of subnets of the network, each with an optional fixed address. */
  fixedIps: z
    .array(z.object({ subnetId: idSchema, ipAddress: ipText.optional() }))
    .max(8)
    .optional(),
  /** Mirror ids of the project's security groups. */
  securityGroupIds: z.array(idSchema).max(16).optional(),
  adminStateUp: z.boolean().optional(),
  ...withIdempotencyKey,
});
export type CreatePortInput = z.output<typeof createPortInput>;
