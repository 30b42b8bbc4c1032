import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { networkSlice, owned, touch, type Router } from './network-state';
import { findNetwork } from './networks-routes';
import {
  V2,
  badRequest,
  bodyOf,
  bool,
  checkQuota,
  notFound,
  ownerOf,
  str,
  visible,
  type Scope,
  registerReadRoutes,
  countOwned,
} from './neutron-http';
import { findPort } from './ports-routes';
import { createPort, deletePort } from './port-service';
import { findSubnet } from './subnets-routes';

/** Neutron's router; distributed and ha are admin-only; no L3 agent hosts it (no zones). */
const renderRouter = (router: Router, caller?: SimCaller) => ({
  ...router,
  ...(caller === undefined || caller.isAdmin ? { distributed: false, ha: false } : {}),
  availability_zone_hints: [],
  availability_zones: [],
  flavor_id: null,
});

export const findRouter = (ctx: SimContext, caller: SimCaller, id: string): Router => {
  const router = networkSlice(ctx).routers[id];
  if (!router || !visible(caller, router))
    throw notFound('RouterNotFound', `Router ${id} could not be found`);
  return router;
};

const routerBad = (message: string) =>
  neutronError(400, 'BadRequest', `Bad router request: ${message}.`);

const removeGateway = (ctx: SimContext, router: Router) => {
  const slice = networkSlice(ctx);
  if (
    router.external_gateway_info &&
    Object.values(slice.floatingIps).some((f) => f.router_id === router.id)
  ) {
    throw neutronError(
      409,
      'RouterExternalGatewayInUseByFloatingIp',
      `Gateway cannot be updated for router ${router.id}, since a gateway to external network ${router.external_gateway_info.network_id} is required by one or more floating IPs.`,
    );
  }
  for (const port of Object.values(slice.ports)) {
    if (port.device_id === router.id && port.device_owner === 'network:router_gateway')
      deletePort(ctx, port.id);
  }
  router.external_gateway_info = null;
};

const setGateway = (ctx: SimContext, caller: SimCaller, router: Router, info: unknown) => {
  if (info === null || (typeof info === 'object' && Object.keys(info).length === 0)) {
    removeGateway(ctx, router);
    return;
  }
  if (typeof info !== 'object' || info === undefined)
    throw badRequest('Invalid input for external_gateway_info.');
  const gateway = info as Record<string, unknown>;
  const networkId = str(gateway.network_id, 'network_id');
  if (!networkId)
    throw badRequest('Invalid input for external_gateway_info. Reason: network_id is required.');
  const network = findNetwork(ctx, caller, networkId);
  if (!network['router:external'])
    throw routerBad(`Network ${network.id} is not an external network`);
  const enableSnat =
    bool(gateway.enable_snat, 'enable_snat') ?? router.external_gateway_info?.enable_snat ?? true;
  if (router.external_gateway_info?.network_id === network.id) {
    router.external_gateway_info.enable_snat = enableSnat;
    return;
  }
  removeGateway(ctx, router);
  const port = createPort(ctx, {
    projectId: '',
    network,
    deviceId: router.id,
    deviceOwner: 'network:router_gateway',
    fixedIps: Array.isArray(gateway.external_fixed_ips)
      ? (gateway.external_fixed_ips as { subnet_id?: string; ip_address?: string }[])
      : undefined,
    securityGroups: [],
    internal: true,
  });
  router.external_gateway_info = {
    network_id: network.id,
    enable_snat: enableSnat,
    external_fixed_ips: port.fixed_ips,
  };
};

const interfaceReply = (router: Router, portId: string, subnetId: string, networkId: string) => ({
  id: router.id,
  tenant_id: router.project_id,
  port_id: portId,
  subnet_id: subnetId,
  subnet_ids: [subnetId],
  network_id: networkId,
});

export const registerRouterRoutes = (app: Scope, ctx: SimContext) => {
  registerReadRoutes(app, ctx, {
    path: 'routers',
    collection: 'routers',
    member: 'router',
    rows: () => Object.values(networkSlice(ctx).routers),
    visible: visible,
    find: (caller, id) => findRouter(ctx, caller, id),
    render: renderRouter,
  });

  app.post(`${V2}/routers`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'router');
    const projectId = ownerOf(caller, body);
    const slice = networkSlice(ctx);
    checkQuota(ctx, projectId, 'router', countOwned(slice.routers, projectId));
    const router: Router = {
      ...owned(
        ctx,
        projectId,
        str(body.name, 'name') ?? '',
        str(body.description, 'description') ?? '',
      ),
      admin_state_up: bool(body.admin_state_up, 'admin_state_up') ?? true,
      status: 'ACTIVE',
      external_gateway_info: null,
      routes: [],
    };
    if (body.external_gateway_info !== undefined)
      setGateway(ctx, caller, router, body.external_gateway_info);
    slice.routers[router.id] = router;
    ctx.store.changed();
    return reply.code(201).send({ router: renderRouter(router, caller) });
  });

  app.put<{ Params: { id: string } }>(`${V2}/routers/:id`, (request) => {
    const caller = ctx.caller(request);
    const router = findRouter(ctx, caller, request.params.id);
    const body = bodyOf(request, 'router');
    router.name = str(body.name, 'name') ?? router.name;
    router.description = str(body.description, 'description') ?? router.description;
    router.admin_state_up = bool(body.admin_state_up, 'admin_state_up') ?? router.admin_state_up;
    if (Array.isArray(body.routes)) router.routes = body.routes as Router['routes'];
    if (body.external_gateway_info !== undefined)
      setGateway(ctx, caller, router, body.external_gateway_info);
    touch(ctx, router);
    ctx.store.changed();
    return { router: renderRouter(router, caller) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/routers/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const router = findRouter(ctx, caller, request.params.id);
    const slice = networkSlice(ctx);
    const attached = Object.values(slice.ports)
      .filter((p) => p.device_id === router.id && p.device_owner === 'network:router_interface')
      .map((p) => p.id)
      .sort();
    if (attached.length > 0) {
      throw neutronError(
        409,
        'RouterInUse',
        `Router ${router.id} has ports still attached: ${attached.join(', ')}`,
      );
    }
    removeGateway(ctx, router);
    delete slice.routers[router.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.put<{ Params: { id: string } }>(`${V2}/routers/:id/add_router_interface`, (request) => {
    const caller = ctx.caller(request);
    const router = findRouter(ctx, caller, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const subnetId = str(body.subnet_id, 'subnet_id');
    const portId = str(body.port_id, 'port_id');
    if (Boolean(subnetId) === Boolean(portId))
      throw routerBad('Either subnet_id or port_id must be specified');
    const slice = networkSlice(ctx);
    const routerPorts = Object.values(slice.ports).filter(
      (p) => p.device_id === router.id && p.device_owner === 'network:router_interface',
    );
    if (portId) {
      const port = findPort(ctx, caller, portId);
      if (port.device_id)
        throw neutronError(
          409,
          'PortInUse',
          `Unable to complete operation on port ${port.id} for network ${port.network_id}. Port already has an attached device ${port.device_id}.`,
        );
      const fixed = port.fixed_ips[0];
      if (!fixed) throw routerBad(`Router port must have at least one fixed IP`);
      if (routerPorts.some((p) => p.fixed_ips.some((f) => f.subnet_id === fixed.subnet_id))) {
        throw routerBad(`Router already has a port on subnet ${fixed.subnet_id}`);
      }
      port.device_id = router.id;
      port.device_owner = 'network:router_interface';
      port.status = 'ACTIVE';
      touch(ctx, port);
      ctx.store.changed();
      return interfaceReply(router, port.id, fixed.subnet_id, port.network_id);
    }
    const subnet = findSubnet(ctx, caller, subnetId ?? '');
    if (!subnet.gateway_ip) throw routerBad(`Subnet for router interface must have a gateway IP`);
    if (routerPorts.some((p) => p.fixed_ips.some((f) => f.subnet_id === subnet.id))) {
      throw routerBad(`Router already has a port on subnet ${subnet.id}`);
    }
    const network = findNetwork(ctx, caller, subnet.network_id);
    const port = createPort(ctx, {
      projectId: router.project_id,
      network,
      deviceId: router.id,
      deviceOwner: 'network:router_interface',
      fixedIps: [{ subnet_id: subnet.id, ip_address: subnet.gateway_ip }],
      securityGroups: [],
      internal: true,
    });
    return interfaceReply(router, port.id, subnet.id, subnet.network_id);
  });

  app.put<{ Params: { id: string } }>(`${V2}/routers/:id/remove_router_interface`, (request) => {
    const caller = ctx.caller(request);
    const router = findRouter(ctx, caller, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const subnetId = str(body.subnet_id, 'subnet_id');
    const portId = str(body.port_id, 'port_id');
    if (!subnetId && !portId) throw routerBad('Either subnet_id or port_id must be specified');
    const slice = networkSlice(ctx);
    const port = Object.values(slice.ports).find(
      (p) =>
        p.device_id === router.id &&
        p.device_owner === 'network:router_interface' &&
        (portId ? p.id === portId : p.fixed_ips.some((f) => f.subnet_id === subnetId)),
    );
    if (!port) {
      throw portId
        ? notFound(
            'RouterInterfaceNotFound',
            `Router ${router.id} does not have an interface with id ${portId}`,
          )
        : notFound(
            'RouterInterfaceNotFoundForSubnet',
            `Router ${router.id} has no interface on subnet ${subnetId}`,
          );
    }
    const fixed = port.fixed_ips[0];
    const subnetOfPort = fixed?.subnet_id ?? '';
    const usedByFip = Object.values(slice.floatingIps).some((f) => {
      if (f.router_id !== router.id || !f.port_id) return false;
      return slice.ports[f.port_id]?.fixed_ips.some((x) => x.subnet_id === subnetOfPort) ?? false;
    });
    if (usedByFip) {
      throw neutronError(
        409,
        'RouterInterfaceInUseByFloatingIP',
        `Router interface for subnet ${subnetOfPort} on router ${router.id} cannot be deleted, as it is required by one or more floating IPs.`,
      );
    }
    deletePort(ctx, port.id);
    return interfaceReply(router, port.id, subnetOfPort, port.network_id);
  });
};
