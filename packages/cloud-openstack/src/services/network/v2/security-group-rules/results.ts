import { z } from 'zod';

export const securityGroupRuleSchema = z.looseObject({
  id: z.string(),
  security_group_id: z.string(),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.enum(['IPv4', 'IPv6']),
  protocol: z.string().nullish(),
  port_range_min: z.number().nullish(),
  port_range_max: z.number().nullish(),
  remote_ip_prefix: z.string().nullish(),
  remote_group_id: z.string().nullish(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
});
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>;

export const getSecurityGroupRuleResult = z.looseObject({
  security_group_rule: securityGroupRuleSchema,
});
