import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getPoolResult, poolSchema, type Pool } from './results';
import { poolsUrl, poolUrl } from './urls';

export const listPools = (
  lb: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<Pool[]> =>
  listAll(lb, call, { path: poolsUrl(), key: 'pools', item: poolSchema, pageSize: 500, query });

export type CreatePoolOpts = {
  name: string;
  protocol: string;
  lb_algorithm: string;
  listener_id?: string;
  loadbalancer_id?: string;
};

export const createPool = async (lb: ServiceClient, call: Call, opts: CreatePoolOpts) =>
  (
    await lb.requestJson(
      call,
      { method: 'POST', path: poolsUrl(), body: { pool: opts }, expected: [201] },
      getPoolResult,
    )
  ).pool;

export const getPool = async (lb: ServiceClient, call: Call, id: string) =>
  (await lb.requestJson(call, { method: 'GET', path: poolUrl(id), expected: [200] }, getPoolResult))
    .pool;

export const deletePool = async (lb: ServiceClient, call: Call, id: string) => {
  await lb.request(call, { method: 'DELETE', path: poolUrl(id), expected: [204] });
};
