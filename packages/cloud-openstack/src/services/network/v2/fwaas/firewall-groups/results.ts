import { z } from 'zod';

export const firewallGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  status: z.string(),
  admin_state_up: z.boolean(),
  ingress_firewall_policy_id: z.string().nullish(),
  egress_firewall_policy_id: z.string().nullish(),
  ports: z.array(z.string()).nullish(),
});
export type FirewallGroup = z.infer<typeof firewallGroupSchema>;

export const getFirewallGroupResult = z.looseObject({ firewall_group: firewallGroupSchema });
