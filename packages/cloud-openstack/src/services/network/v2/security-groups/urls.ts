export const securityGroupsUrl = () => 'security-groups';
export const securityGroupUrl = (id: string) => `security-groups/${encodeURIComponent(id)}`;
