import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getPortForwardingResult, portForwardingSchema, type PortForwarding } from './results';
import { portForwardingsUrl, portForwardingUrl } from './urls';

export const listPortForwardings = (
  network: ServiceClient,
  call: Call,
  fipId: string,
): Promise<PortForwarding[]> =>
  listAll(network, call, {
    path: portForwardingsUrl(fipId),
    key: 'port_forwardings',
    item: portForwardingSchema,
    pageSize: 500,
  });

export type CreatePortForwardingOpts = {
  protocol: 'tcp' | 'udp';
  internal_port_id: string;
  internal_ip_address: string;
  internal_port: number;
  external_port: number;
  description?: string;
};

export const createPortForwarding = async (
  network: ServiceClient,
  call: Call,
  fipId: string,
  opts: CreatePortForwardingOpts,
) =>
  (
    await network.requestJson(
      call,
      {
        method: 'POST',
        path: portForwardingsUrl(fipId),
        body: { port_forwarding: opts },
        expected: [201],
      },
      getPortForwardingResult,
    )
  ).port_forwarding;

export const deletePortForwarding = async (
  network: ServiceClient,
  call: Call,
  fipId: string,
  id: string,
) => {
  await network.request(call, {
    method: 'DELETE',
    path: portForwardingUrl(fipId, id),
    expected: [204],
  });
};
