import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice, stamp } from './network-state';
import { createPort, deletePort } from './port-service';

export type ServerPortInput = {
  projectId: string;
  /** Network to create a port on; ignored when portId is given. */
  networkId?: string;
  serverId: string;
  /** Bind an existing (unbound) port instead of creating one. */
  portId?: string;
  availabilityZone?: string;
  hostId?: string;
  /** A specific fixed IP on the network (Nova's `networks: [{uuid, fixed_ip}]`). */
  fixedIp?: string;
};

export type ServerPort = {
  portId: string;
  networkId: string;
  networkName: string;
  fixedIp: string;
  macAddress: string;
};

/** Creates (or binds) the port Nova plugs into a server; device_owner compute:<az>. */
export const allocateServerPort = (ctx: SimContext, input: ServerPortInput): ServerPort => {
  const slice = networkSlice(ctx);
  const owner = `compute:${input.availabilityZone ?? 'nova'}`;
  let port;
  if (input.portId) {
    port = slice.ports[input.portId];
    if (!port || (port.project_id !== input.projectId && port.project_id !== '')) {
      throw neutronError(404, 'PortNotFound', `Port ${input.portId} could not be found.`);
    }
    if (port.device_id && port.device_id !== input.serverId) {
      throw neutronError(
        409,
        'PortInUse',
        `Unable to complete operation on port ${port.id} for network ${port.network_id}. Port already has an attached device ${port.device_id}.`,
      );
    }
    port.device_id = input.serverId;
    port.device_owner = owner;
    port.status = 'ACTIVE';
    port.updated_at = stamp(ctx);
    port.revision_number += 1;
    ctx.store.changed();
  } else {
    const network = input.networkId ? slice.networks[input.networkId] : undefined;
    if (!network) {
      throw neutronError(
        404,
        'NetworkNotFound',
        `Network ${input.networkId ?? ''} could not be found.`,
      );
    }
    port = createPort(ctx, {
      projectId: input.projectId,
      network,
      deviceId: input.serverId,
      deviceOwner: owner,
      fixedIps: input.fixedIp ? [{ ip_address: input.fixedIp }] : undefined,
    });
  }
  if (input.hostId) port['binding:host_id'] = input.hostId;
  const network = slice.networks[port.network_id];
  return {
    portId: port.id,
    networkId: port.network_id,
    networkName: network?.name ?? '',
    fixedIp: port.fixed_ips[0]?.ip_address ?? '',
    macAddress: port.mac_address,
  };
};

/** Deletes the ports Nova created for the server; ports the user passed in are only unbound. */
export const releaseServerPorts = (
  ctx: SimContext,
  serverId: string,
  keepPortIds: string[] = [],
) => {
  const slice = networkSlice(ctx);
  for (const port of Object.values(slice.ports)) {
    if (port.device_id !== serverId || !port.device_owner.startsWith('compute:')) continue;
    if (keepPortIds.includes(port.id)) {
      port.device_id = '';
      port.device_owner = '';
      port.status = 'DOWN';
      port['binding:host_id'] = '';
      ctx.store.changed();
    } else {
      deletePort(ctx, port.id);
    }
  }
};

export type ServerAddress = {
  addr: string;
  version: 4 | 6;
  'OS-EXT-IPS:type': 'fixed' | 'floating';
  'OS-EXT-IPS-MAC:mac_addr': string;
};

/** Nova's `addresses` for a server: fixed IPs per network name, then their floating IPs. */
export const serverAddresses = (
  ctx: SimContext,
  serverId: string,
): Record<string, ServerAddress[]> => {
  const slice = networkSlice(ctx);
  const result: Record<string, ServerAddress[]> = {};
  const ports = Object.values(slice.ports)
    .filter((p) => p.device_id === serverId && p.device_owner.startsWith('compute:'))
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const port of ports) {
    const name = slice.networks[port.network_id]?.name || port.network_id;
    const list = (result[name] ??= []);
    for (const fixed of port.fixed_ips) {
      list.push({
        addr: fixed.ip_address,
        version: fixed.ip_address.includes(':') ? 6 : 4,
        'OS-EXT-IPS:type': 'fixed',
        'OS-EXT-IPS-MAC:mac_addr': port.mac_address,
      });
    }
    for (const fip of Object.values(slice.floatingIps)) {
      if (fip.port_id !== port.id) continue;
      list.push({
        addr: fip.floating_ip_address,
        version: 4,
        'OS-EXT-IPS:type': 'floating',
        'OS-EXT-IPS-MAC:mac_addr': port.mac_address,
      });
    }
  }
  return result;
};

/** The project's ports bound to the server (Nova's os-interface list). */
export const serverPorts = (ctx: SimContext, serverId: string) =>
  Object.values(networkSlice(ctx).ports).filter(
    (p) => p.device_id === serverId && p.device_owner.startsWith('compute:'),
  );
