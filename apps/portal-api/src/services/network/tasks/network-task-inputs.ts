import type {
  CreateNetworkSpec,
  CreatePortSpec,
  CreateSecurityGroupRuleSpec,
  CreateSubnetSpec,
  NetworkPort,
} from '@yunguan/cloud-core';
import { z } from 'zod';

/**
 * The stored inputs of the network task actions: what the service verbs queue and what the
 * worker re-checks before it calls the cloud (a row written by an older version that no longer
 * matches fails the task with task_input_invalid instead of sending something half-understood).
 */
const named = { name: z.string(), description: z.string().optional() };
const pool = z.object({ start: z.string(), end: z.string() });
const route = z.object({ destination: z.string(), nexthop: z.string() });

export const createNetworkInput = z.object({
  ...named,
  adminStateUp: z.boolean().optional(),
  shared: z.boolean().optional(),
  external: z.boolean().optional(),
  provider: z
    .object({
      type: z.enum(['flat', 'vlan', 'vxlan', 'gre', 'geneve', 'local']),
      physicalNetwork: z.string().optional(),
      segmentationId: z.number().int().optional(),
    })
    .optional(),
  mtu: z.number().int().optional(),
}) satisfies z.ZodType<CreateNetworkSpec>;

export const deleteNetworkInput = z.looseObject({
  subnetExternalIds: z.array(z.string()).optional(),
});

const subnetFields = {
  gatewayIp: z.string().nullable().optional(),
  enableDhcp: z.boolean(),
  dnsNameservers: z.array(z.string()).optional(),
  allocationPools: z.array(pool).optional(),
  hostRoutes: z.array(route).optional(),
};

export const createSubnetInput = z.object({
  ...named,
  networkExternalId: z.string(),
  networkName: z.string(),
  cidr: z.string(),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  ...subnetFields,
}) satisfies z.ZodType<CreateSubnetSpec & { networkName: string }>;

export const updateSubnetInput = z.object({
  name: z.string().optional(),
  ...subnetFields,
  enableDhcp: z.boolean().optional(),
}) satisfies z.ZodType<Parameters<NetworkPort['updateSubnet']>[2]>;

export const deleteSubnetInput = z.looseObject({
  networkExternalId: z.string().nullable().optional(),
});

export const createPortInput = z.object({
  networkExternalId: z.string(),
  name: z.string(),
  fixedIps: z
    .array(z.object({ subnetExternalId: z.string(), ipAddress: z.string().optional() }))
    .optional(),
  securityGroupExternalIds: z.array(z.string()).optional(),
  adminStateUp: z.boolean().optional(),
}) satisfies z.ZodType<CreatePortSpec>;

const externalNetwork = { networkExternalId: z.string(), networkName: z.string() };

export const createRouterInput = z.object({
  ...named,
  externalGateway: z.object({ ...externalNetwork, enableSnat: z.boolean().optional() }).optional(),
});

export const setGatewayInput = z.object({
  ...externalNetwork,
  enableSnat: z.boolean().optional(),
});

export const routerInterfaceInput = z.object({
  subnetExternalId: z.string(),
  subnetName: z.string(),
});

export const createFloatingIpInput = z.object({
  ...externalNetwork,
  description: z.string().optional(),
});

export const floatingIpTargetInput = z.object({
  server: z.object({ id: z.string(), name: z.string() }),
  serverExternalId: z.string(),
  portExternalId: z.string(),
  fixedIpAddress: z.string(),
  subnetName: z.string(),
  networkName: z.string(),
});

export const addPortForwardingInput = floatingIpTargetInput.extend({
  protocol: z.enum(['tcp', 'udp']),
  internalPort: z.number().int(),
  externalPort: z.number().int(),
  description: z.string().optional(),
});

export const removePortForwardingInput = z.looseObject({
  portForwardingExternalId: z.string(),
});

export const createSecurityGroupInput = z.object(named);

const ruleSpec = z.object({
  securityGroupExternalId: z.string(),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.enum(['IPv4', 'IPv6']),
  protocol: z.string().nullable(),
  portRangeMin: z.number().int().nullable(),
  portRangeMax: z.number().int().nullable(),
  remoteIpPrefix: z.string().nullable(),
  remoteGroupExternalId: z.string().nullable(),
  description: z.string().optional(),
}) satisfies z.ZodType<CreateSecurityGroupRuleSpec>;

export const addRuleInput = z.object({ rule: ruleSpec, summary: z.string() });

export const removeRuleInput = z.object({ ruleExternalId: z.string(), rule: z.string() });

export const quickStartInput = z.object({
  name: z.string(),
  cidr: z.string(),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  gatewayIp: z.string().optional(),
  dnsNameservers: z.array(z.string()),
  external: z.object({ externalId: z.string(), name: z.string() }).nullable(),
  openPorts: z.array(z.number().int()),
});
