export const firewallGroupsUrl = () => 'fwaas/firewall_groups';
export const firewallGroupUrl = (id: string) => `fwaas/firewall_groups/${encodeURIComponent(id)}`;
