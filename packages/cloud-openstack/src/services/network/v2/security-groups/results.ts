import { z } from 'zod';
import { securityGroupRuleSchema } from '../security-group-rules/results';

export const securityGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  security_group_rules: z.array(securityGroupRuleSchema).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type SecurityGroup = z.infer<typeof securityGroupSchema>;

export const getSecurityGroupResult = z.looseObject({ security_group: securityGroupSchema });
