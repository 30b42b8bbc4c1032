import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getLoadBalancerResult, loadBalancerSchema, type LoadBalancer } from './results';
import { loadBalancersUrl, loadBalancerUrl } from './urls';

export const listLoadBalancers = (
  lb: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<LoadBalancer[]> =>
  listAll(lb, call, {
    path: loadBalancersUrl(),
    key: 'loadbalancers',
    item: loadBalancerSchema,
    pageSize: 500,
    query,
  });

export const getLoadBalancer = async (lb: ServiceClient, call: Call, id: string) =>
  (
    await lb.requestJson(
      call,
      { method: 'GET', path: loadBalancerUrl(id), expected: [200] },
      getLoadBalancerResult,
    )
  ).loadbalancer;

export type CreateLoadBalancerOpts = {
  name: string;
  description?: string;
  vip_subnet_id: string;
  vip_address?: string;
};

export const createLoadBalancer = async (
  lb: ServiceClient,
  call: Call,
  opts: CreateLoadBalancerOpts,
) =>
  (
    await lb.requestJson(
      call,
      { method: 'POST', path: loadBalancersUrl(), body: { loadbalancer: opts }, expected: [201] },
      getLoadBalancerResult,
    )
  ).loadbalancer;

/** Octavia accepts the delete (204) and removes the load balancer later. */
export const deleteLoadBalancer = async (
  lb: ServiceClient,
  call: Call,
  id: string,
  cascade: boolean,
) => {
  await lb.request(call, {
    method: 'DELETE',
    path: loadBalancerUrl(id),
    query: cascade ? { cascade: true } : {},
    expected: [204],
  });
};
