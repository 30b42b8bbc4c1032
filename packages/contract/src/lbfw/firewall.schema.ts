import { z } from 'zod';
import { cloudRefSchema, descriptionSchema, idSchema } from '../common';
import { resourceItemSchema, resourceName, withIdempotencyKey } from '../resources/resource.schema';

/** The FWaaS v2 rule as the cloud reports it (the mirror's `spec`); protocol null = any. */
export const firewallRuleSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
  protocol: z.enum(['tcp', 'udp', 'icmp']).nullable(),
  action: z.enum(['allow', 'deny', 'reject']),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  sourceIpAddress: z.string().nullable(),
  destinationIpAddress: z.string().nullable(),
  sourcePort: z.string().nullable(),
  destinationPort: z.string().nullable(),
  enabled: z.boolean(),
});
export const firewallRuleItem = resourceItemSchema(firewallRuleSpec);
export type FirewallRuleItem = z.output<typeof firewallRuleItem>;

/** A policy: its rules in evaluation order. */
export const firewallPolicySpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
  ruleExternalIds: z.array(z.string()),
  audited: z.boolean(),
});
export const firewallPolicyItem = resourceItemSchema(firewallPolicySpec);
export type FirewallPolicyItem = z.output<typeof firewallPolicyItem>;

/** A group: status ACTIVE (bound to ports), INACTIVE (no ports), PENDING_*, DOWN or ERROR. */
export const firewallGroupSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
  status: z.string(),
  adminStateUp: z.boolean(),
  ingressPolicyExternalId: z.string().nullable(),
  egressPolicyExternalId: z.string().nullable(),
  portExternalIds: z.array(z.string()),
});
export const firewallGroupItem = resourceItemSchema(firewallGroupSpec);
export type FirewallGroupItem = z.output<typeof firewallGroupItem>;

export const firewallProtocols = ['tcp', 'udp', 'icmp', 'any'] as const;
export const firewallActions = ['allow', 'deny', 'reject'] as const;

const portNumber = (v: string) => Number(v) >= 1 && Number(v) <= 65535;
/** "80" or "8000:8080" (first ≤ last, each 1..65535). */
export const firewallPortRange = z
  .string()
  .trim()
  .regex(/^\d{1,5}(:\d{1,5})?$/, { message: 'a port (80) or a range (8000:8080)' })
  .refine((v) => v.split(':').every(portNumber), { message: 'ports are 1..65535' })
  .refine(
    (v) => {
      const [first, last] = v.split(':').map(Number);
      return last === undefined || (first ?? 0) <= last;
    },
    { message: 'the first port of a range must not exceed the last' },
  );

/** An address or a CIDR of either IP version. */
export const firewallAddress = z
  .string()
  .trim()
  .refine((v) => [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()].some((s) => s.safeParse(v).success), {
    message: 'an IP address or a CIDR (10.0.0.0/24)',
  });
const isV6 = (v: string) => v.includes(':');

/** POST /api/v1/projects/:projectId/firewall-rules */
export const createFirewallRuleInput = z
  .object({
    datacenterId: idSchema,
    name: resourceName,
    description: descriptionSchema.optional(),
    protocol: z.enum(firewallProtocols).default('any'),
    action: z.enum(firewallActions),
    ipVersion: z.union([z.literal(4), z.literal(6)]).default(4),
    sourceIpAddress: firewallAddress.optional(),
    destinationIpAddress: firewallAddress.optional(),
    sourcePort: firewallPortRange.optional(),
    destinationPort: firewallPortRange.optional(),
    enabled: z.boolean().default(true),
    ...withIdempotencyKey,
  })
  .superRefine((v, issue) => {
    for (const field of ['sourceIpAddress', 'destinationIpAddress'] as const) {
      const address = v[field];
      if (address !== undefined && isV6(address) !== (v.ipVersion === 6))
        issue.addIssue({
          code: 'custom',
          path: [field],
          message: `not an IPv${v.ipVersion} address`,
        });
    }
    if (v.protocol !== 'tcp' && v.protocol !== 'udp')
      for (const field of ['sourcePort', 'destinationPort'] as const)
        if (v[field] !== undefined)
          issue.addIssue({
            code: 'custom',
            path: [field],
            message: 'ports need protocol tcp or udp',
          });
  });
export type CreateFirewallRuleInput = z.output<typeof createFirewallRuleInput>;

const unique = (ids: string[]) => new Set(ids).size === ids.length;
const ruleIdList = z.array(idSchema).max(100).refine(unique, { message: 'a rule appears twice' });
const portIdList = z
  .array(cloudRefSchema)
  .max(50)
  .refine(unique, { message: 'a port appears twice' });

/** POST /api/v1/projects/:projectId/firewall-policies — rules are mirror ids, in order. */
export const createFirewallPolicyInput = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: descriptionSchema.optional(),
  ruleIds: ruleIdList.default([]),
  audited: z.boolean().default(false),
  ...withIdempotencyKey,
});
export type CreateFirewallPolicyInput = z.output<typeof createFirewallPolicyInput>;

/** POST /api/v1/firewall-policies/:id/actions — replaces the rule list (in order). */
export const firewallPolicyActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('update'),
    ruleIds: ruleIdList,
    ...withIdempotencyKey,
  }),
]);
export type FirewallPolicyActionInput = z.output<typeof firewallPolicyActionInput>;

/**
 * POST /api/v1/projects/:projectId/firewall-groups — policies are mirror ids of the project's
 * policies; ports are mirror ids of the project's router interface ports (kind `port`) or
 * their cloud ids. A group with ports is ACTIVE, without INACTIVE.
 */
export const createFirewallGroupInput = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: descriptionSchema.optional(),
  ingressPolicyId: idSchema.optional(),
  egressPolicyId: idSchema.optional(),
  portIds: portIdList.default([]),
  adminStateUp: z.boolean().default(true),
  ...withIdempotencyKey,
});
export type CreateFirewallGroupInput = z.output<typeof createFirewallGroupInput>;

/**
 * POST /api/v1/firewall-groups/:id/actions — `update` changes what is sent: a policy id
 * replaces, null removes, absent keeps; portIds replaces the port list.
 */
export const firewallGroupActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('update'),
    name: resourceName.optional(),
    ingressPolicyId: idSchema.nullable().optional(),
    egressPolicyId: idSchema.nullable().optional(),
    portIds: portIdList.optional(),
    adminStateUp: z.boolean().optional(),
    ...withIdempotencyKey,
  }),
]);
export type FirewallGroupActionInput = z.output<typeof firewallGroupActionInput>;
