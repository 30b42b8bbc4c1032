import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getRouterResult, routerInterfaceResult, routerSchema, type Router } from './results';
import { addInterfaceUrl, removeInterfaceUrl, routersUrl, routerUrl } from './urls';

export const listRouters = (
  network: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<Router[]> =>
  listAll(network, call, {
    path: routersUrl(),
    key: 'routers',
    item: routerSchema,
    pageSize: 500,
    query,
  });

export const getRouter = async (network: ServiceClient, call: Call, id: string) =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: routerUrl(id), expected: [200] },
      getRouterResult,
    )
  ).router;

export type GatewayInfoOpts = { network_id: string; enable_snat?: boolean };

export type CreateRouterOpts = {
  name: string;
  description?: string;
  admin_state_up?: boolean;
  external_gateway_info?: GatewayInfoOpts;
};

export const createRouter = async (network: ServiceClient, call: Call, opts: CreateRouterOpts) =>
  (
    await network.requestJson(
      call,
      { method: 'POST', path: routersUrl(), body: { router: opts }, expected: [201] },
      getRouterResult,
    )
  ).router;

/** `external_gateway_info: {}` clears the gateway (Neutron accepts `{}` and null alike). */
export type UpdateRouterOpts = {
  name?: string;
  description?: string;
  admin_state_up?: boolean;
  external_gateway_info?: GatewayInfoOpts | Record<string, never>;
};

export const updateRouter = async (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: UpdateRouterOpts,
) =>
  (
    await network.requestJson(
      call,
      { method: 'PUT', path: routerUrl(id), body: { router: opts }, expected: [200] },
      getRouterResult,
    )
  ).router;

export type RouterInterfaceOpts = { subnet_id: string } | { port_id: string };

export const addRouterInterface = (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: RouterInterfaceOpts,
) =>
  network.requestJson(
    call,
    { method: 'PUT', path: addInterfaceUrl(id), body: opts, expected: [200] },
    routerInterfaceResult,
  );

export const removeRouterInterface = (
  network: ServiceClient,
  call: Call,
  id: string,
  opts: RouterInterfaceOpts,
) =>
  network.requestJson(
    call,
    { method: 'PUT', path: removeInterfaceUrl(id), body: opts, expected: [200] },
    routerInterfaceResult,
  );

export const deleteRouter = async (network: ServiceClient, call: Call, id: string) => {
  await network.request(call, { method: 'DELETE', path: routerUrl(id), expected: [204] });
};
