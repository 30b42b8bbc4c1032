import { randomUUID } from 'node:crypto';
import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { associate } from './floating-ip-service';
import { networkSlice, owned, touch, type FloatingIp, type PortForwarding } from './network-state';
import { findNetwork } from './networks-routes';
import {
  V2,
  bodyOf,
  checkQuota,
  listReply,
  notFound,
  ownerOf,
  showReply,
  str,
  visible,
  type Scope,
  registerReadRoutes,
  countOwned,
} from './neutron-http';
import { findPort } from './ports-routes';
import { createPort, deletePort } from './port-service';

/** Neutron's floating IP (fip-port-details: the associated port's summary, else null). */
const renderFip = (ctx: SimContext, fip: FloatingIp) => {
  // Neutron's floating IPs have no name (the stored one is the generic resource field).
  const { name, ...rest } = fip;
  void name;
  const port = fip.port_id === null ? undefined : networkSlice(ctx).ports[fip.port_id];
  return {
    ...rest,
    port_details:
      port === undefined
        ? null
        : {
            name: port.name,
            network_id: port.network_id,
            mac_address: port.mac_address,
            admin_state_up: port.admin_state_up,
            status: port.status,
            device_id: port.device_id,
            device_owner: port.device_owner,
          },
  };
};

const findFip = (ctx: SimContext, caller: SimCaller, id: string) => {
  const fip = networkSlice(ctx).floatingIps[id];
  if (!fip || !visible(caller, fip))
    throw notFound('FloatingIPNotFound', `Floating IP ${id} could not be found`);
  return fip;
};

const fipBad = (message: string) =>
  neutronError(400, 'BadRequest', `Bad floatingip request: ${message}.`);

const portNumber = (value: unknown, field: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw neutronError(
      400,
      'HTTPBadRequest',
      `Invalid input for ${field}. Reason: '${String(value)}' is not a valid port number.`,
    );
  }
  return n;
};

export const registerFloatingIpRoutes = (app: Scope, ctx: SimContext) => {
  registerReadRoutes(app, ctx, {
    path: 'floatingips',
    collection: 'floatingips',
    member: 'floatingip',
    rows: () => Object.values(networkSlice(ctx).floatingIps),
    visible: visible,
    find: (caller, id) => findFip(ctx, caller, id),
    render: (fip) => renderFip(ctx, fip),
  });

  app.post(`${V2}/floatingips`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'floatingip');
    const projectId = ownerOf(caller, body);
    const networkId = str(body.floating_network_id, 'floating_network_id');
    if (!networkId)
      throw neutronError(
        400,
        'HTTPBadRequest',
        "Failed to parse request. Required attribute 'floating_network_id' not specified",
      );
    const network = findNetwork(ctx, caller, networkId);
    if (!network['router:external'])
      throw fipBad(`Network ${network.id} is not a valid external network`);
    const slice = networkSlice(ctx);
    checkQuota(ctx, projectId, 'floatingip', countOwned(slice.floatingIps, projectId));
    const subnetId = str(body.subnet_id, 'subnet_id');
    const address = str(body.floating_ip_address, 'floating_ip_address');
    const fip: FloatingIp = {
      ...owned(ctx, projectId, '', str(body.description, 'description') ?? ''),
      floating_network_id: network.id,
      floating_ip_address: '',
      router_id: null,
      port_id: null,
      fixed_ip_address: null,
      status: 'DOWN',
      port_forwardings: [],
    };
    const portId = str(body.port_id, 'port_id');
    const target = portId ? findPort(ctx, caller, portId) : null;
    const requested =
      subnetId || address ? [{ subnet_id: subnetId, ip_address: address }] : undefined;
    const fipPort = createPort(ctx, {
      projectId: '',
      network,
      deviceId: fip.id,
      deviceOwner: 'network:floatingip',
      fixedIps: requested,
      securityGroups: [],
      internal: true,
    });
    const allocated =
      fipPort.fixed_ips.find((f) => !f.ip_address.includes(':')) ?? fipPort.fixed_ips[0];
    if (!allocated) {
      deletePort(ctx, fipPort.id);
      throw fipBad(`No IPv4 subnet found on external network ${network.id}`);
    }
    fip.floating_ip_address = allocated.ip_address;
    try {
      associate(ctx, fip, target, str(body.fixed_ip_address, 'fixed_ip_address'));
    } catch (error) {
      deletePort(ctx, fipPort.id);
      throw error;
    }
    slice.floatingIps[fip.id] = fip;
    ctx.store.changed();
    ctx.notify({
      event_type: 'floatingip.create.end',
      publisher_id: 'network.sim',
      payload: { floatingip: renderFip(ctx, fip) },
    });
    return reply.code(201).send({ floatingip: renderFip(ctx, fip) });
  });

  app.put<{ Params: { id: string } }>(`${V2}/floatingips/:id`, (request) => {
    const caller = ctx.caller(request);
    const fip = findFip(ctx, caller, request.params.id);
    const body = bodyOf(request, 'floatingip');
    fip.description = str(body.description, 'description') ?? fip.description;
    if (body.port_id !== undefined) {
      const portId = body.port_id === null ? null : str(body.port_id, 'port_id');
      associate(
        ctx,
        fip,
        portId ? findPort(ctx, caller, portId) : null,
        str(body.fixed_ip_address, 'fixed_ip_address'),
      );
    }
    touch(ctx, fip);
    ctx.store.changed();
    return { floatingip: renderFip(ctx, fip) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/floatingips/:id`, (request, reply) => {
    const fip = findFip(ctx, ctx.caller(request), request.params.id);
    const slice = networkSlice(ctx);
    for (const port of Object.values(slice.ports)) {
      if (port.device_id === fip.id && port.device_owner === 'network:floatingip')
        deletePort(ctx, port.id);
    }
    delete slice.floatingIps[fip.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  const pfBase = `${V2}/floatingips/:id/port_forwardings`;
  app.get<{ Params: { id: string } }>(pfBase, (request) => {
    const fip = findFip(ctx, ctx.caller(request), request.params.id);
    return listReply(request, 'port_forwardings', fip.port_forwardings);
  });

  app.get<{ Params: { id: string; pf: string } }>(`${pfBase}/:pf`, (request) => {
    const fip = findFip(ctx, ctx.caller(request), request.params.id);
    const pf = fip.port_forwardings.find((p) => p.id === request.params.pf);
    if (!pf)
      throw notFound(
        'PortForwardingNotFound',
        `Port Forwarding ${request.params.pf} could not be found.`,
      );
    return showReply(request, 'port_forwarding', pf);
  });

  app.post<{ Params: { id: string } }>(pfBase, (request, reply) => {
    const caller = ctx.caller(request);
    const fip = findFip(ctx, caller, request.params.id);
    const body = bodyOf(request, 'port_forwarding');
    if (fip.port_id) {
      throw neutronError(
        409,
        'FipInUseByPortForwarding',
        `Floating IP ${fip.id} is associated with port ${fip.port_id}; it cannot also have port forwardings.`,
      );
    }
    const port = findPort(ctx, caller, str(body.internal_port_id, 'internal_port_id') ?? '');
    const internalIp =
      str(body.internal_ip_address, 'internal_ip_address') ?? port.fixed_ips[0]?.ip_address ?? '';
    if (!port.fixed_ips.some((f) => f.ip_address === internalIp)) {
      throw neutronError(
        400,
        'BadRequest',
        `Bad port_forwarding request: The internal IP ${internalIp} does not belong to port ${port.id}.`,
      );
    }
    const protocol = str(body.protocol, 'protocol');
    if (protocol !== 'tcp' && protocol !== 'udp') {
      throw neutronError(
        400,
        'HTTPBadRequest',
        `Invalid input for protocol. Reason: '${String(protocol)}' is not in ['tcp', 'udp'].`,
      );
    }
    const pf: PortForwarding = {
      id: randomUUID(),
      internal_port_id: port.id,
      internal_ip_address: internalIp,
      internal_port: portNumber(body.internal_port, 'internal_port'),
      external_port: portNumber(body.external_port, 'external_port'),
      protocol,
      description: str(body.description, 'description') ?? '',
    };
    if (
      fip.port_forwardings.some(
        (p) => p.external_port === pf.external_port && p.protocol === pf.protocol,
      )
    ) {
      throw neutronError(
        400,
        'BadRequest',
        `Bad port_forwarding request: A duplicate port forwarding entry with same attributes already exists, conflicting values are {'floatingip_id': '${fip.id}', 'external_port': ${pf.external_port}, 'protocol': '${pf.protocol}'}.`,
      );
    }
    fip.port_forwardings.push(pf);
    touch(ctx, fip);
    ctx.store.changed();
    return reply.code(201).send({ port_forwarding: pf });
  });

  app.delete<{ Params: { id: string; pf: string } }>(`${pfBase}/:pf`, (request, reply) => {
    const fip = findFip(ctx, ctx.caller(request), request.params.id);
    const before = fip.port_forwardings.length;
    fip.port_forwardings = fip.port_forwardings.filter((p) => p.id !== request.params.pf);
    if (fip.port_forwardings.length === before) {
      throw notFound(
        'PortForwardingNotFound',
        `Port Forwarding ${request.params.pf} could not be found.`,
      );
    }
    ctx.store.changed();
    return reply.code(204).send();
  });
};
