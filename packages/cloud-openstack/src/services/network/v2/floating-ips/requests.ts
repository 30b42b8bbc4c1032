import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { floatingIpSchema, getFloatingIpResult, type FloatingIp } from './results';
import { floatingIpsUrl, floatingIpUrl } from './urls';

export const listFloatingIps = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<FloatingIp[]> =>
  listAll(network, call, {
    path: floatingIpsUrl(),
    key: 'floatingips',
    item: floatingIpSchema,
    pageSize: 500,
    query,
  });

export const getFloatingIp = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: floatingIpUrl(id), expected: [200] },
      getFloatingIpResult,
    )
  ).floatingip;

export type CreateFloatingIpOpts = {
  floating_network_id: string;
  description?: string;
  port_id?: string;
  fixed_ip_address?: string;
};

export const createFloatingIp = async (
  network: ServiceClient,
  call: Call,
  opts: CreateFloatingIpOpts,
) =>
  (
    await network.requestJson(
      call,
      { method: 'POST', path: floatingIpsUrl(), body: { floatingip: opts }, expected: [201] },
      getFloatingIpResult,
    )
  ).floatingip;

/** `port_id: null` disassociates. */
export type UpdateFloatingIpOpts = {
  port_id?: string | null;
  fixed_ip_address?: string;
  description?: string;
};

export const updateFloatingIp = async (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: UpdateFloatingIpOpts,
) =>
  (
    await network.requestJson(
      call,
      { method: 'PUT', path: floatingIpUrl(id), body: { floatingip: opts }, expected: [200] },
      getFloatingIpResult,
    )
  ).floatingip;

export const deleteFloatingIp = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: floatingIpUrl(id), expected: [204] });
};
