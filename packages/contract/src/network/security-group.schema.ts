import { z } from 'zod';
import { cloudRefSchema, idSchema, timestamp } from '../common';
import { resourceItemSchema, resourceName, withIdempotencyKey } from '../resources/resource.schema';
import { reportIssues, ruleIssues } from './network-rules';

const ts = timestamp.nullable();

export const securityGroupRuleSpec = z.object({
  externalId: z.string(),
  securityGroupExternalId: z.string(),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.enum(['IPv4', 'IPv6']),
  /** null = any protocol. */
  protocol: z.string().nullable(),
  portRangeMin: z.number().int().nullable(),
  portRangeMax: z.number().int().nullable(),
  remoteIpPrefix: z.string().nullable(),
  remoteGroupExternalId: z.string().nullable(),
  description: z.string(),
});
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSpec>;

export const securityGroupSpec = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
  rules: z.array(securityGroupRuleSpec),
  createdAt: ts,
  updatedAt: ts,
});
export const securityGroupItemSchema = resourceItemSchema(securityGroupSpec);
export type SecurityGroupItem = z.infer<typeof securityGroupItemSchema>;

export const createSecurityGroupInput = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: z.string().trim().max(255).optional(),
  ...withIdempotencyKey,
});
export type CreateSecurityGroupInput = z.output<typeof createSecurityGroupInput>;

export const ruleProtocols = ['tcp', 'udp', 'icmp', 'any'] as const;

export const addRuleShape = z.object({
  action: z.literal('add-rule'),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.enum(['IPv4', 'IPv6']).default('IPv4'),
  /** tcp | udp | icmp | any, or an IP protocol number 0–255. */
  protocol: z.union([z.enum(ruleProtocols), z.number().int().min(0).max(255)]),
  /** For tcp/udp the port range; for icmp the type (min) and code (max). */
  portRangeMin: z.number().int().min(0).max(65_535).optional(),
  portRangeMax: z.number().int().min(0).max(65_535).optional(),
  remoteIpPrefix: z.string().trim().min(2).max(49).optional(),
  /** Mirror id of a security group of the project. */
  remoteGroupId: idSchema.optional(),
  description: z.string().trim().max(255).optional(),
  ...withIdempotencyKey,
});

/** The shape of the actions body (without the cross-field rules). */
export const securityGroupActionShape = z.discriminatedUnion('action', [
  addRuleShape,
  z.object({
    action: z.literal('remove-rule'),
    /** The cloud's id of the rule (spec.rules[].externalId). */
    ruleId: cloudRefSchema,
    ...withIdempotencyKey,
  }),
]);

/** POST /api/v1/security-groups/:id/actions — one of these. */
export const securityGroupActionInput = securityGroupActionShape.superRefine((v, ctx) => {
  if (v.action === 'add-rule') reportIssues(ctx, ruleIssues(v));
});
export type SecurityGroupActionInput = z.output<typeof securityGroupActionInput>;
