import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { securityGroupSchema, type SecurityGroup } from './results';
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

export const deleteSecurityGroup = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: securityGroupUrl(id), expected: [204] });
};
