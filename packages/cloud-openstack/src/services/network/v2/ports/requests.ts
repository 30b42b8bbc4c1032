import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getPortResult, portSchema, type Port } from './results';
import { portsUrl, portUrl } from './urls';

export const listPorts = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<Port[]> =>
  listAll(network, call, {
    path: portsUrl(),
    key: 'ports',
    item: portSchema,
    pageSize: 500,
    query,
  });

export const getPort = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: portUrl(id), expected: [200] },
      getPortResult,
    )
  ).port;

export type CreatePortOpts = {
  network_id: string;
  name: string;
  fixed_ips?: { subnet_id: string; ip_address?: string }[];
  security_groups?: string[];
  admin_state_up?: boolean;
};

export const createPort = async (
  network: ServiceClient,
  call: Call,
  opts: CreatePortOpts,
): Promise<Port> =>
  (
    await network.requestJson(
      call,
      { method: 'POST', path: portsUrl(), body: { port: opts }, expected: [201] },
      getPortResult,
    )
  ).port;

export const deletePort = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: portUrl(id), expected: [204] });
};
