import { z } from 'zod';

export const firewallRuleSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  protocol: z.string().nullish(),
  action: z.string(),
  ip_version: z.number(),
  source_ip_address: z.string().nullish(),
  destination_ip_address: z.string().nullish(),
  source_port: z.string().nullish(),
  destination_port: z.string().nullish(),
  enabled: z.boolean(),
});
export type FirewallRule = z.infer<typeof firewallRuleSchema>;

export const getFirewallRuleResult = z.looseObject({ firewall_rule: firewallRuleSchema });
