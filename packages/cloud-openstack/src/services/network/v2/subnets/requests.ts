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

export const getSubnet = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: subnetUrl(id), expected: [200] },
      getSubnetResult,
    )
  ).subnet;

type Pool = { start: string; end: string };
type Route = { destination: string; nexthop: string };

export type CreateSubnetOpts = {
  name: string;
  description?: string;
  network_id: string;
  cidr: string;
  ip_version: 4 | 6;
  enable_dhcp?: boolean;
  gateway_ip?: string | null;
  dns_nameservers?: string[];
  allocation_pools?: Pool[];
  host_routes?: Route[];
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

export type UpdateSubnetOpts = Partial<
  Pick<
    CreateSubnetOpts,
    'name' | 'gateway_ip' | 'enable_dhcp' | 'dns_nameservers' | 'allocation_pools' | 'host_routes'
  >
>;

export const updateSubnet = async (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: UpdateSubnetOpts,
): Promise<Subnet> =>
  (
    await network.requestJson(
      call,
      { method: 'PUT', path: subnetUrl(id), body: { subnet: opts }, expected: [200] },
      getSubnetResult,
    )
  ).subnet;

export const deleteSubnet = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: subnetUrl(id), expected: [204] });
};
