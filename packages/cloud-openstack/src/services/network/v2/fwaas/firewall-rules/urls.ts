export const firewallRulesUrl = () => 'fwaas/firewall_rules';
export const firewallRuleUrl = (id: string) => `fwaas/firewall_rules/${encodeURIComponent(id)}`;
