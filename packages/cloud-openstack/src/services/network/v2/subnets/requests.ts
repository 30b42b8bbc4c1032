import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getSubnetResult, subnetSchema, type Subnet } from './results';
import { subnetsUrl, subnetUrl } from './urls';

export const listSubnets = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<Subnet[]> =>
  listAll(network, call, {
    path: subnetsUrl(),
    key: 'subnets',
    item: subnetSchema,
    pageSize: 500,
    query,
  });

export type CreateSubnetOpts = {
  name: string;
  network_id: string;
  cidr: string;
  ip_version: 4 | 6;
  enable_dhcp?: boolean;
  gateway_ip?: string | null;
};

export const createSubnet = async (
  network: ServiceClient,
  call: Call,
  opts: CreateSubnetOpts,
): Promise<Subnet> =>
  (
    await network.requestJson(
      call,
      { method: 'POST', path: subnetsUrl(), body: { subnet: opts }, expected: [201] },
      getSubnetResult,
    )
  ).subnet;

export const deleteSubnet = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: subnetUrl(id), expected: [204] });
};
