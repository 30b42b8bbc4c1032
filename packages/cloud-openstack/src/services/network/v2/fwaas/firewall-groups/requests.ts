import { listAll } from '../../../../../pager';
import type { Call, ServiceClient } from '../../../../../service-client';
import { firewallGroupSchema, getFirewallGroupResult, type FirewallGroup } from './results';
import { firewallGroupsUrl, firewallGroupUrl } from './urls';

export const listFirewallGroups = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<FirewallGroup[]> =>
  listAll(network, call, {
    path: firewallGroupsUrl(),
    key: 'firewall_groups',
    item: firewallGroupSchema,
    pageSize: 500,
    query,
  });

export const getFirewallGroup = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: firewallGroupUrl(id), expected: [200] },
      getFirewallGroupResult,
    )
  ).firewall_group;

export type FirewallGroupOpts = {
  name?: string;
  description?: string;
  ingress_firewall_policy_id?: string | null;
  egress_firewall_policy_id?: string | null;
  ports?: string[];
  admin_state_up?: boolean;
};

export const createFirewallGroup = async (
  network: ServiceClient,
  call: Call,
  opts: FirewallGroupOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'POST',
        path: firewallGroupsUrl(),
        body: { firewall_group: opts },
        expected: [201],
      },
      getFirewallGroupResult,
    )
  ).firewall_group;

export const updateFirewallGroup = async (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: FirewallGroupOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'PUT',
        path: firewallGroupUrl(id),
        body: { firewall_group: opts },
        expected: [200],
      },
      getFirewallGroupResult,
    )
  ).firewall_group;

export const deleteFirewallGroup = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: firewallGroupUrl(id), expected: [204] });
};
