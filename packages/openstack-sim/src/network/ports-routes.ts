import type { FastifyRequest } from 'fastify';
import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { networkSlice, touch, type Port } from './network-state';
import { findNetwork } from './networks-routes';
import {
  V2,
  badRequest,
  bodyOf,
  bool,
  notFound,
  ownerOf,
  str,
  text,
  visible,
  type Scope,
  registerReadRoutes,
} from './neutron-http';
import {
  createPort,
  deletePort,
  renderPort,
  resolveFixedIps,
  type FixedIpRequest,
} from './port-service';

export const findPort = (ctx: SimContext, caller: SimCaller, id: string): Port => {
  const port = networkSlice(ctx).ports[id];
  if (!port || !visible(caller, port))
    throw notFound('PortNotFound', `Port ${id} could not be found.`);
  return port;
};

const stringList = (value: unknown, field: string): string[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(
      `Invalid input for ${field}. Reason: '${JSON.stringify(value)}' is not a list.`,
    );
  }
  return value as string[];
};

const checkGroups = (ctx: SimContext, caller: SimCaller, ids: string[] | undefined) => {
  for (const id of ids ?? []) {
    const group = networkSlice(ctx).securityGroups[id];
    if (!group || !visible(caller, group)) {
      throw notFound('SecurityGroupNotFound', `Security group ${id} does not exist`);
    }
  }
};

export const registerPortRoutes = (app: Scope, ctx: SimContext) => {
  registerReadRoutes(app, ctx, {
    path: 'ports',
    collection: 'ports',
    member: 'port',
    rows: () => Object.values(networkSlice(ctx).ports),
    visible: visible,
    find: (caller, id) => findPort(ctx, caller, id),
    render: renderPort,
  });

  app.post(`${V2}/ports`, (request, reply) => {
    const caller = ctx.caller(request);
    // Bulk create: {"ports": [...]} makes every port or none.
    const bulk = (request.body as { ports?: unknown } | null)?.ports;
    if (Array.isArray(bulk)) {
      const made: Port[] = [];
      try {
        for (const item of bulk as unknown[]) made.push(createOne(caller, { port: item }));
      } catch (error) {
        for (const p of made) deletePort(ctx, p.id);
        throw error;
      }
      return reply.code(201).send({ ports: made.map((p) => renderPort(p, caller)) });
    }
    return reply.code(201).send({ port: renderPort(createOne(caller, request.body), caller) });
  });

  const createOne = (caller: SimCaller, payload: unknown): Port => {
    const body = bodyOf({ body: payload } as FastifyRequest, 'port');
    const projectId = ownerOf(caller, body);
    const networkId = str(body.network_id, 'network_id');
    if (!networkId)
      throw badRequest("Failed to parse request. Required attribute 'network_id' not specified");
    const network = findNetwork(ctx, caller, networkId);
    const securityGroups = stringList(body.security_groups, 'security_groups');
    checkGroups(ctx, caller, securityGroups);
    if (body.fixed_ips !== undefined && !Array.isArray(body.fixed_ips)) {
      throw badRequest(
        `Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '${text(body.fixed_ips)}'.`,
      );
    }
    const port = createPort(ctx, {
      projectId,
      network,
      name: str(body.name, 'name'),
      description: str(body.description, 'description'),
      fixedIps: body.fixed_ips as { subnet_id?: string; ip_address?: string }[] | undefined,
      deviceId: str(body.device_id, 'device_id'),
      deviceOwner: str(body.device_owner, 'device_owner'),
      securityGroups,
      macAddress: str(body.mac_address, 'mac_address'),
      adminStateUp: bool(body.admin_state_up, 'admin_state_up'),
      portSecurityEnabled: bool(body.port_security_enabled, 'port_security_enabled'),
    });
    return port;
  };

  app.put<{ Params: { id: string } }>(`${V2}/ports/:id`, (request) => {
    const caller = ctx.caller(request);
    const port = findPort(ctx, caller, request.params.id);
    const body = bodyOf(request, 'port');
    port.name = str(body.name, 'name') ?? port.name;
    port.description = str(body.description, 'description') ?? port.description;
    port.admin_state_up = bool(body.admin_state_up, 'admin_state_up') ?? port.admin_state_up;
    port.device_id = str(body.device_id, 'device_id') ?? port.device_id;
    port.device_owner = str(body.device_owner, 'device_owner') ?? port.device_owner;
    port.port_security_enabled =
      bool(body.port_security_enabled, 'port_security_enabled') ?? port.port_security_enabled;
    if (Array.isArray(body.fixed_ips)) {
      // Re-resolve against the network with this port's own addresses free again.
      const before = port.fixed_ips;
      port.fixed_ips = [];
      try {
        const network = networkSlice(ctx).networks[port.network_id];
        port.fixed_ips = network
          ? resolveFixedIps(ctx, network, body.fixed_ips as FixedIpRequest[])
          : before;
      } catch (error) {
        port.fixed_ips = before;
        throw error;
      }
    }
    const groups = stringList(body.security_groups, 'security_groups');
    if (groups) {
      checkGroups(ctx, caller, groups);
      port.security_groups = groups;
    }
    if (port.security_groups.length > 0 && !port.port_security_enabled) {
      throw neutronError(
        409,
        'PortSecurityAndIPRequiredForSecurityGroups',
        'Port security must be enabled and port must have an IP address in order to use security groups.',
      );
    }
    touch(ctx, port);
    ctx.store.changed();
    return { port: renderPort(port, caller) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/ports/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const port = findPort(ctx, caller, request.params.id);
    if (
      port.device_owner === 'network:router_interface' ||
      port.device_owner === 'network:router_gateway'
    ) {
      throw neutronError(
        409,
        'PortInUse',
        `Port ${port.id} cannot be deleted directly via the port API: has device owner ${port.device_owner}.`,
      );
    }
    deletePort(ctx, port.id);
    return reply.code(204).send();
  });
};
