import type { Call, ServiceClient } from '../../../../service-client';
import { getSecurityGroupRuleResult } from './results';
import { securityGroupRulesUrl, securityGroupRuleUrl } from './urls';

export type CreateSecurityGroupRuleOpts = {
  security_group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol?: string | null;
  port_range_min?: number | null;
  port_range_max?: number | null;
  remote_ip_prefix?: string | null;
  remote_group_id?: string | null;
  description?: string;
};

export const createSecurityGroupRule = async (
  network: ServiceClient,
  call: Call,
  opts: CreateSecurityGroupRuleOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'POST',
        path: securityGroupRulesUrl(),
        body: { security_group_rule: opts },
        expected: [201],
      },
      getSecurityGroupRuleResult,
    )
  ).security_group_rule;

export const getSecurityGroupRule = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: securityGroupRuleUrl(id), expected: [200] },
      getSecurityGroupRuleResult,
    )
  ).security_group_rule;

export const deleteSecurityGroupRule = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, {
    method: 'DELETE',
    path: securityGroupRuleUrl(id),
    expected: [204],
  });
};
