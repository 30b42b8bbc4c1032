export const securityGroupRulesUrl = () => 'security-group-rules';
export const securityGroupRuleUrl = (id: string) =>
  `security-group-rules/${encodeURIComponent(id)}`;
