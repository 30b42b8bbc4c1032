import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { networkSlice, owned, touch, type Network } from './network-state';
import {
  V2,
  bodyOf,
  bool,
  checkQuota,
  listReply,
  notFound,
  ownerOf,
  showReply,
  str,
  badRequest,
  type Scope,
  countOwned,
} from './neutron-http';

const providerKeys = [
  'provider:network_type',
  'provider:physical_network',
  'provider:segmentation_id',
] as const;

export const renderNetwork = (ctx: SimContext, caller: SimCaller, network: Network) => {
  const slice = networkSlice(ctx);
  const rendered: Record<string, unknown> = {
    ...network,
    subnets: Object.values(slice.subnets)
      .filter((s) => s.network_id === network.id)
      .map((s) => s.id),
    availability_zone_hints: [],
    // Zones come from the DHCP agents hosting the network; the simulator runs none.
    availability_zones: [],
    // auto-allocated-topology: external networks say whether they are the default.
    ...(network['router:external'] ? { is_default: false } : {}),
    ipv4_address_scope: null,
    ipv6_address_scope: null,
  };
  if (!caller.isAdmin) for (const key of providerKeys) delete rendered[key];
  return rendered;
};

export const networkVisible = (caller: SimCaller, network: Network) =>
  caller.isAdmin ||
  network.project_id === caller.projectId ||
  network.shared ||
  network['router:external'];

export const findNetwork = (ctx: SimContext, caller: SimCaller, id: string): Network => {
  const network = networkSlice(ctx).networks[id];
  if (!network || !networkVisible(caller, network)) {
    throw notFound('NetworkNotFound', `Network ${id} could not be found.`);
  }
  return network;
};

/** The lowest segmentation id from `start` not used by a network of the same type (survives restarts). */
const freeSegment = (ctx: SimContext, type: string, physical: string | null, start: number) => {
  const used = new Set(
    Object.values(networkSlice(ctx).networks)
      .filter(
        (n) => n['provider:network_type'] === type && n['provider:physical_network'] === physical,
      )
      .map((n) => n['provider:segmentation_id']),
  );
  let id = start;
  while (used.has(id)) id += 1;
  return id;
};

const providerAttributes = (ctx: SimContext, body: Record<string, unknown>) => {
  const type = str(body['provider:network_type'], 'provider:network_type') ?? 'vxlan';
  if (!['flat', 'vlan', 'vxlan', 'local'].includes(type)) {
    throw neutronError(
      400,
      'InvalidInput',
      `Invalid input for operation: network_type value '${type}' not supported.`,
    );
  }
  const physical = str(body['provider:physical_network'], 'provider:physical_network') ?? null;
  const rawSegment = body['provider:segmentation_id'];
  let segment = rawSegment === undefined || rawSegment === null ? null : Number(rawSegment);
  if (segment !== null && !Number.isInteger(segment)) {
    throw badRequest(
      `Invalid input for provider:segmentation_id. Reason: '${String(rawSegment)}' is not an integer.`,
    );
  }
  if (type === 'flat') {
    if (segment !== null)
      throw neutronError(
        400,
        'InvalidInput',
        'Invalid input for operation: segmentation_id specified for flat network.',
      );
    if (!physical)
      throw neutronError(
        400,
        'InvalidInput',
        'Invalid input for operation: physical_network required for flat provider network.',
      );
  }
  if (type === 'vlan') {
    if (!physical)
      throw neutronError(
        400,
        'InvalidInput',
        'Invalid input for operation: physical_network required for VLAN provider network.',
      );
    if (segment !== null && (segment < 1 || segment > 4094)) {
      throw neutronError(
        400,
        'InvalidInput',
        `Invalid input for operation: segmentation_id out of range (1 through 4094).`,
      );
    }
    segment ??= freeSegment(ctx, 'vlan', physical, 100);
  }
  if (type === 'vxlan') {
    if (physical)
      throw neutronError(
        400,
        'InvalidInput',
        'Invalid input for operation: physical_network not allowed for vxlan provider network.',
      );
    segment ??= freeSegment(ctx, 'vxlan', null, 1000);
  }
  const taken = Object.values(networkSlice(ctx).networks).some(
    (n) =>
      n['provider:network_type'] === type &&
      (type === 'flat'
        ? n['provider:physical_network'] === physical
        : n['provider:segmentation_id'] === segment &&
          segment !== null &&
          (type !== 'vlan' || n['provider:physical_network'] === physical)),
  );
  if (taken) {
    throw neutronError(
      409,
      type === 'flat' ? 'FlatNetworkInUse' : 'SegmentationIdInUse',
      type === 'flat'
        ? `Unable to create the flat network. Physical network ${physical} is in use.`
        : `Unable to create the network. The VLAN ${segment} on physical network ${physical ?? ''} is in use.`,
    );
  }
  return {
    'provider:network_type': type as Network['provider:network_type'],
    'provider:physical_network': type === 'vxlan' ? null : physical,
    'provider:segmentation_id': segment,
  };
};

export const registerNetworkRoutes = (app: Scope, ctx: SimContext) => {
  app.get(`${V2}/networks`, (request) => {
    const caller = ctx.caller(request);
    const rows = Object.values(networkSlice(ctx).networks)
      .filter((n) => networkVisible(caller, n))
      .map((n) => renderNetwork(ctx, caller, n));
    return listReply(request, 'networks', rows);
  });

  app.get<{ Params: { id: string } }>(`${V2}/networks/:id`, (request) => {
    const caller = ctx.caller(request);
    return showReply(
      request,
      'network',
      renderNetwork(ctx, caller, findNetwork(ctx, caller, request.params.id)),
    );
  });

  app.post(`${V2}/networks`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'network');
    const projectId = ownerOf(caller, body);
    const wantsAdmin = ['router:external', 'shared', ...providerKeys].some(
      (k) => body[k] !== undefined && body[k] !== false,
    );
    if (wantsAdmin && !caller.isAdmin) {
      throw neutronError(
        403,
        'PolicyNotAuthorized',
        `(rule:create_network and (rule:create_network:provider:network_type and rule:create_network:shared and rule:create_network:router:external)) is disallowed by policy`,
      );
    }
    const slice = networkSlice(ctx);
    checkQuota(ctx, projectId, 'network', countOwned(slice.networks, projectId));
    const network: Network = {
      ...owned(
        ctx,
        projectId,
        str(body.name, 'name') ?? '',
        str(body.description, 'description') ?? '',
      ),
      admin_state_up: bool(body.admin_state_up, 'admin_state_up') ?? true,
      status: 'ACTIVE',
      shared: bool(body.shared, 'shared') ?? false,
      'router:external': bool(body['router:external'], 'router:external') ?? false,
      ...providerAttributes(ctx, body),
      mtu: typeof body.mtu === 'number' ? body.mtu : 1450,
      port_security_enabled: bool(body.port_security_enabled, 'port_security_enabled') ?? true,
    };
    if (network['provider:network_type'] !== 'vxlan' && body.mtu === undefined) network.mtu = 1500;
    slice.networks[network.id] = network;
    ctx.store.changed();
    ctx.notify({
      event_type: 'network.create.end',
      publisher_id: 'network.sim',
      payload: { network: renderNetwork(ctx, { ...caller, isAdmin: true }, network) },
    });
    // The create answer always says is_default (auto-allocated-topology), as Zed's does.
    return reply
      .code(201)
      .send({ network: { is_default: false, ...renderNetwork(ctx, caller, network) } });
  });

  app.put<{ Params: { id: string } }>(`${V2}/networks/:id`, (request) => {
    const caller = ctx.caller(request);
    const network = findNetwork(ctx, caller, request.params.id);
    if (network.project_id !== caller.projectId && !caller.isAdmin) {
      throw neutronError(403, 'PolicyNotAuthorized', `rule:update_network is disallowed by policy`);
    }
    const body = bodyOf(request, 'network');
    network.name = str(body.name, 'name') ?? network.name;
    network.description = str(body.description, 'description') ?? network.description;
    network.admin_state_up = bool(body.admin_state_up, 'admin_state_up') ?? network.admin_state_up;
    if (caller.isAdmin) {
      network.shared = bool(body.shared, 'shared') ?? network.shared;
      network['router:external'] =
        bool(body['router:external'], 'router:external') ?? network['router:external'];
    }
    touch(ctx, network);
    ctx.store.changed();
    return { network: renderNetwork(ctx, caller, network) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/networks/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const network = findNetwork(ctx, caller, request.params.id);
    if (network.project_id !== caller.projectId && !caller.isAdmin) {
      throw neutronError(403, 'PolicyNotAuthorized', `rule:delete_network is disallowed by policy`);
    }
    const slice = networkSlice(ctx);
    // Neutron removes the network's floating IPs first (their ports are its own), then checks
    // the remaining ports — so a router gateway still refuses, but the floating IPs are gone.
    for (const fip of Object.values(slice.floatingIps))
      if (fip.floating_network_id === network.id) delete slice.floatingIps[fip.id];
    ctx.store.changed();
    const inUse = Object.values(slice.ports)
      .filter((p) => p.network_id === network.id && !p.device_owner.startsWith('network:dhcp'))
      .map((p) => p.id)
      .sort();
    if (inUse.length > 0) {
      throw neutronError(
        409,
        'NetworkInUse',
        `Unable to complete operation on network ${network.id}. There are one or more ports still in use on the network, id for these ports is: ${inUse.join(',')}.`,
      );
    }
    for (const subnet of Object.values(slice.subnets)) {
      if (subnet.network_id === network.id) delete slice.subnets[subnet.id];
    }
    delete slice.networks[network.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
