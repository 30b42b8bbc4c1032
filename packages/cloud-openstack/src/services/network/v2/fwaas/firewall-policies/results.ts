import { z } from 'zod';

export const firewallPolicySchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  firewall_rules: z.array(z.string()).nullish(),
  audited: z.boolean().nullish(),
});
export type FirewallPolicy = z.infer<typeof firewallPolicySchema>;

export const getFirewallPolicyResult = z.looseObject({ firewall_policy: firewallPolicySchema });
