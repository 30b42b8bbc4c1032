export const firewallPoliciesUrl = () => 'fwaas/firewall_policies';
export const firewallPolicyUrl = (id: string) =>
  `fwaas/firewall_policies/${encodeURIComponent(id)}`;
