/**
 * Compute's door into Neutron: the network engineer's exported verbs (src/network/index.ts).
 * Neutron's errors become Nova's (Nova re-raises PortNotFound / NetworkNotFound as 400 and
 * PortInUse / IpAddressGenerationFailure as 409 with Neutron's message).
 */
import { novaError, OpenStackError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import {
  allocateServerPort as allocatePort,
  releaseServerPorts as releasePorts,
  serverAddresses,
  serverPorts,
  type Network,
  type NetworkSlice,
} from '../network';
import type { ServerAddress } from './compute-state';

export type ServerNetworkRequest = { networkId?: string; portId?: string; fixedIp?: string };

const asNova = (error: unknown): unknown => {
  if (error instanceof OpenStackError && 'NeutronError' in (error.body as object)) {
    const message = (error.body as { NeutronError: { message: string } }).NeutronError.message;
    return novaError(error.status === 409 ? 'conflictingRequest' : 'badRequest', message);
  }
  return error;
};

const slice = (ctx: SimContext) => ctx.store.state.network as Partial<NetworkSlice>;

/** Networks a project may boot on: its own and shared ones, never external. */
export const usableNetworks = (ctx: SimContext, projectId: string): Network[] =>
  Object.values(slice(ctx).networks ?? {}).filter(
    (n) => !n['router:external'] && (n.project_id === projectId || n.shared),
  );

export const allocateServerPort = (
  ctx: SimContext,
  input: {
    projectId: string;
    serverId: string;
    host: string | null;
    availabilityZone: string;
  } & ServerNetworkRequest,
): ServerAddress[] => {
  try {
    const port = allocatePort(ctx, {
      projectId: input.projectId,
      serverId: input.serverId,
      networkId: input.networkId,
      portId: input.portId,
      fixedIp: input.fixedIp,
      availabilityZone: input.availabilityZone,
      hostId: input.host ?? undefined,
    });
    return [
      {
        portId: port.portId,
        networkId: port.networkId,
        networkName: port.networkName,
        addr: port.fixedIp,
        version: port.fixedIp.includes(':') ? 6 : 4,
        mac: port.macAddress,
      },
    ];
  } catch (error) {
    throw asNova(error);
  }
};

/** Ports Nova created are deleted; ports the user passed in (userPortIds) are unbound. */
export const releaseServerPorts = (ctx: SimContext, serverId: string, userPortIds: string[]) =>
  releasePorts(ctx, serverId, userPortIds);

/** Detach one interface: unbind a user's port, delete one Nova made. */
export const releaseOnePort = (
  ctx: SimContext,
  serverId: string,
  portId: string,
  userPortIds: string[],
) => {
  const ports = slice(ctx).ports ?? {};
  const port = ports[portId];
  if (!port || port.device_id !== serverId) return;
  if (userPortIds.includes(portId)) {
    port.device_id = '';
    port.device_owner = '';
    port.status = 'DOWN';
    port['binding:host_id'] = '';
  } else delete ports[portId];
  ctx.store.changed();
};

/** Nova's `addresses` (fixed and floating) straight from Neutron's ports. */
export const addressesOf = (ctx: SimContext, serverId: string) => serverAddresses(ctx, serverId);

export const portsOf = (ctx: SimContext, serverId: string) => serverPorts(ctx, serverId);
