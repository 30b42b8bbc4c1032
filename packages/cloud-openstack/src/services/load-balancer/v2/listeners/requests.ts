import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getListenerResult, listenerSchema, type Listener } from './results';
import { listenersUrl, listenerUrl } from './urls';

export const listListeners = (
  lb: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<Listener[]> =>
  listAll(lb, call, {
    path: listenersUrl(),
    key: 'listeners',
    item: listenerSchema,
    pageSize: 500,
    query,
  });

export type CreateListenerOpts = {
  loadbalancer_id: string;
  name: string;
  protocol: string;
  protocol_port: number;
  connection_limit?: number;
  default_pool_id?: string;
};

export const createListener = async (lb: ServiceClient, call: Call, opts: CreateListenerOpts) =>
  (
    await lb.requestJson(
      call,
      { method: 'POST', path: listenersUrl(), body: { listener: opts }, expected: [201] },
      getListenerResult,
    )
  ).listener;

export const getListener = async (lb: ServiceClient, call: Call, id: string) =>
  (
    await lb.requestJson(
      call,
      { method: 'GET', path: listenerUrl(id), expected: [200] },
      getListenerResult,
    )
  ).listener;

export const deleteListener = async (lb: ServiceClient, call: Call, id: string) => {
  await lb.request(call, { method: 'DELETE', path: listenerUrl(id), expected: [204] });
};
