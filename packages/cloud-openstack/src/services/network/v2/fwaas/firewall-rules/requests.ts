import { listAll } from '../../../../../pager';
import type { Call, ServiceClient } from '../../../../../service-client';
import { firewallRuleSchema, getFirewallRuleResult, type FirewallRule } from './results';
import { firewallRulesUrl, firewallRuleUrl } from './urls';

export const listFirewallRules = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<FirewallRule[]> =>
  listAll(network, call, {
    path: firewallRulesUrl(),
    key: 'firewall_rules',
    item: firewallRuleSchema,
    pageSize: 500,
    query,
  });

export type CreateFirewallRuleOpts = {
  name: string;
  description?: string;
  protocol: 'tcp' | 'udp' | 'icmp' | null;
  action: 'allow' | 'deny' | 'reject';
  ip_version: 4 | 6;
  source_ip_address?: string | null;
  destination_ip_address?: string | null;
  source_port?: string | null;
  destination_port?: string | null;
  enabled?: boolean;
};

export const createFirewallRule = async (
  network: ServiceClient,
  call: Call,
  opts: CreateFirewallRuleOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'POST',
        path: firewallRulesUrl(),
        body: { firewall_rule: opts },
        expected: [201],
      },
      getFirewallRuleResult,
    )
  ).firewall_rule;

export const getFirewallRule = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: firewallRuleUrl(id), expected: [200] },
      getFirewallRuleResult,
    )
  ).firewall_rule;

export const deleteFirewallRule = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: firewallRuleUrl(id), expected: [204] });
};
