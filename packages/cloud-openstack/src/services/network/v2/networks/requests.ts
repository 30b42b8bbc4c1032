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

export type CreateNetworkOpts = {
  name: string;
  shared?: boolean;
  admin_state_up?: boolean;
  project_id?: string;
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
