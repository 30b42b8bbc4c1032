import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getNetworkResult, networkSchema, type Network } from './results';
import { networksUrl, networkUrl } from './urls';

/** Neutron filters by any attribute in the query (`shared=true`, `router:external=true`…). */
export const listNetworks = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | boolean | undefined> = {},
): Promise<Network[]> =>
  listAll(network, call, {
    path: networksUrl(),
    key: 'networks',
    item: networkSchema,
    pageSize: 500,
    query,
  });

export const getNetwork = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: networkUrl(id), expected: [200] },
      getNetworkResult,
    )
  ).network;

export type CreateNetworkOpts = {
  name: string;
  description?: string;
  shared?: boolean;
  admin_state_up?: boolean;
  project_id?: string;
  'router:external'?: boolean;
  'provider:network_type'?: string;
  'provider:physical_network'?: string;
  'provider:segmentation_id'?: number;
  mtu?: number;
};

export const createNetwork = async (
  network: ServiceClient,
  call: Call,
  opts: CreateNetworkOpts,
): Promise<Network> =>
  (
    await network.requestJson(
      call,
      { method: 'POST', path: networksUrl(), body: { network: opts }, expected: [201] },
      getNetworkResult,
    )
  ).network;

export const deleteNetwork = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: networkUrl(id), expected: [204] });
};
