import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getSecurityGroupResult, securityGroupSchema, type SecurityGroup } from './results';
import { securityGroupsUrl, securityGroupUrl } from './urls';

export const listSecurityGroups = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<SecurityGroup[]> =>
  listAll(network, call, {
    path: securityGroupsUrl(),
    key: 'security_groups',
    item: securityGroupSchema,
    pageSize: 500,
    query,
  });

export const getSecurityGroup = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: securityGroupUrl(id), expected: [200] },
      getSecurityGroupResult,
    )
  ).security_group;

export type CreateSecurityGroupOpts = { name: string; description?: string };

export const createSecurityGroup = async (
  network: ServiceClient,
  call: Call,
  opts: CreateSecurityGroupOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'POST',
        path: securityGroupsUrl(),
        body: { security_group: opts },
        expected: [201],
      },
      getSecurityGroupResult,
    )
  ).security_group;

export const deleteSecurityGroup = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: securityGroupUrl(id), expected: [204] });
};
