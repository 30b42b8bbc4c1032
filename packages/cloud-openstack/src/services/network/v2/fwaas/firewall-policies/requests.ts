import { listAll } from '../../../../../pager';
import type { Call, ServiceClient } from '../../../../../service-client';
import { firewallPolicySchema, getFirewallPolicyResult, type FirewallPolicy } from './results';
import { firewallPoliciesUrl, firewallPolicyUrl } from './urls';

export const listFirewallPolicies = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<FirewallPolicy[]> =>
  listAll(network, call, {
    path: firewallPoliciesUrl(),
    key: 'firewall_policies',
    item: firewallPolicySchema,
    pageSize: 500,
    query,
  });

export const getFirewallPolicy = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: firewallPolicyUrl(id), expected: [200] },
      getFirewallPolicyResult,
    )
  ).firewall_policy;

export type CreateFirewallPolicyOpts = {
  name: string;
  description?: string;
  firewall_rules?: string[];
  audited?: boolean;
};

export const createFirewallPolicy = async (
  network: ServiceClient,
  call: Call,
  opts: CreateFirewallPolicyOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'POST',
        path: firewallPoliciesUrl(),
        body: { firewall_policy: opts },
        expected: [201],
      },
      getFirewallPolicyResult,
    )
  ).firewall_policy;

export const updateFirewallPolicy = async (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: Partial<CreateFirewallPolicyOpts>,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'PUT',
        path: firewallPolicyUrl(id),
        body: { firewall_policy: opts },
        expected: [200],
      },
      getFirewallPolicyResult,
    )
  ).firewall_policy;

export const deleteFirewallPolicy = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: firewallPolicyUrl(id), expected: [204] });
};
