import { originOf } from '../core/link-base';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { computeOf, type Flavor } from './compute-state';
import {
  atLeast,
  bodyOf,
  firstOf,
  int,
  objectIn,
  query,
  requireAdmin,
  scalar,
  str,
} from './nova-http';
import { nextLink, paginate } from './paging';

const links = (origin: string, id: string) => [
  { rel: 'self', href: `${origin}/compute/v2.1/flavors/${id}` },
  { rel: 'bookmark', href: `${origin}/compute/flavors/${id}` },
];

export const flavorView = (
  ctx: SimContext,
  request: FastifyRequest,
  f: Flavor,
  detail: boolean,
) => {
  const base: Record<string, unknown> = {
    id: f.id,
    name: f.name,
    links: links(originOf(request, ctx.baseUrl), f.id),
  };
  if (atLeast(request, 55)) base.description = f.description;
  if (!detail) return base;
  return {
    ...base,
    ram: f.ram,
    disk: f.disk,
    vcpus: f.vcpus,
    swap: atLeast(request, 75) ? f.swap : f.swap === 0 ? '' : f.swap,
    'OS-FLV-EXT-DATA:ephemeral': f.ephemeral,
    'OS-FLV-DISABLED:disabled': f.disabled,
    rxtx_factor: f.rxtxFactor,
    'os-flavor-access:is_public': f.isPublic,
    ...(atLeast(request, 61) ? { extra_specs: f.extraSpecs } : {}),
  };
};

const visible = (caller: SimCaller, f: Flavor) =>
  f.isPublic || caller.isAdmin || f.access.includes(caller.projectId);

export const findFlavor = (ctx: SimContext, caller: SimCaller, id: string): Flavor => {
  const flavor = computeOf(ctx).flavors.find((f) => f.id === id && visible(caller, f));
  if (!flavor) throw novaError('itemNotFound', `Flavor ${id} could not be found.`);
  return flavor;
};

const listFlavors = (ctx: SimContext, request: FastifyRequest, detail: boolean) => {
  const caller = ctx.caller(request);
  const q = query(request);
  const isPublic = firstOf(q.is_public)?.toLowerCase();
  const minRam = firstOf(q.minRam);
  const minDisk = firstOf(q.minDisk);
  let flavors = computeOf(ctx).flavors.filter((f) => {
    if (isPublic === undefined || ['true', '1', 't', 'yes', 'y', 'on'].includes(isPublic))
      return f.isPublic || (!caller.isAdmin && f.access.includes(caller.projectId));
    if (isPublic === 'none') return visible(caller, f);
    return !f.isPublic && visible(caller, f);
  });
  if (minRam !== undefined) flavors = flavors.filter((f) => f.ram >= int(minRam, 'minRam'));
  if (minDisk !== undefined) flavors = flavors.filter((f) => f.disk >= int(minDisk, 'minDisk'));
  const sortKey = (firstOf(q.sort_key) ?? 'flavorid') as keyof Flavor | 'flavorid' | 'memory_mb';
  const dir = firstOf(q.sort_dir) === 'desc' ? -1 : 1;
  const keyOf = (f: Flavor): string | number =>
    sortKey === 'flavorid' ? f.id : sortKey === 'memory_mb' ? f.ram : (f[sortKey as 'name'] ?? '');
  flavors = [...flavors].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
  const { page, links: flavorsLinks } = paginate(
    request,
    flavors,
    (f) => f.id,
    nextLink(originOf(request, ctx.baseUrl), request),
    (m) => `marker [${m}] not found`,
  );
  return {
    flavors: page.map((f) => flavorView(ctx, request, f, detail)),
    ...(flavorsLinks.length ? { flavors_links: flavorsLinks } : {}),
  };
};

export const registerFlavorRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  scope.get('/flavors', (request) => listFlavors(ctx, request, false));
  scope.get('/flavors/detail', (request) => listFlavors(ctx, request, true));
  scope.get<{ Params: { id: string } }>('/flavors/:id', (request) => ({
    flavor: flavorView(ctx, request, findFlavor(ctx, ctx.caller(request), request.params.id), true),
  }));

  scope.post('/flavors', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-manage:create');
    const input = objectIn(bodyOf(request), 'flavor');
    const compute = computeOf(ctx);
    const name = str(input.name, 'name') ?? '';
    // Nova's flavor id schema takes a string, a number (as the CLI sends `--id 42`) or null.
    const rawId =
      typeof input.id === 'number' && Number.isInteger(input.id) ? String(input.id) : input.id;
    const id = str(rawId, 'id', false) ?? String(crypto.randomUUID());
    if (!/^(?! )[\w. -]{1,255}(?<! )$/.test(id))
      throw novaError('badRequest', `Invalid input for field/attribute id. Value: ${id}.`);
    if (compute.flavors.some((f) => f.name === name))
      throw novaError('conflictingRequest', `Flavor with name ${name} already exists.`);
    if (compute.flavors.some((f) => f.id === id))
      throw novaError('conflictingRequest', `Flavor with ID ${id} already exists.`);
    const flavor: Flavor = {
      id,
      name,
      vcpus: int(input.vcpus, 'vcpus', 1),
      ram: int(input.ram, 'ram', 1),
      disk: int(input.disk, 'disk', 0),
      ephemeral:
        input['OS-FLV-EXT-DATA:ephemeral'] === undefined
          ? 0
          : int(input['OS-FLV-EXT-DATA:ephemeral'], 'OS-FLV-EXT-DATA:ephemeral'),
      swap: input.swap === undefined || input.swap === '' ? 0 : int(input.swap, 'swap'),
      rxtxFactor: typeof input.rxtx_factor === 'number' ? input.rxtx_factor : 1,
      isPublic: input['os-flavor-access:is_public'] !== false,
      description: str(input.description, 'description', false) ?? null,
      extraSpecs: {},
      access: [],
      disabled: false,
    };
    compute.flavors.push(flavor);
    ctx.store.changed();
    return { flavor: flavorView(ctx, request, flavor, true) };
  });

  scope.put<{ Params: { id: string } }>('/flavors/:id', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-manage:update');
    const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
    flavor.description =
      str(objectIn(bodyOf(request), 'flavor').description, 'description', false) ?? null;
    ctx.store.changed();
    return { flavor: flavorView(ctx, request, flavor, true) };
  });

  scope.delete<{ Params: { id: string } }>('/flavors/:id', (request, reply) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-manage:delete');
    const compute = computeOf(ctx);
    findFlavor(ctx, ctx.caller(request), request.params.id);
    compute.flavors = compute.flavors.filter((f) => f.id !== request.params.id);
    ctx.store.changed();
    return void reply.code(202).send();
  });

  // extra specs
  scope.get<{ Params: { id: string } }>('/flavors/:id/os-extra_specs', (request) => ({
    extra_specs: findFlavor(ctx, ctx.caller(request), request.params.id).extraSpecs,
  }));
  scope.post<{ Params: { id: string } }>('/flavors/:id/os-extra_specs', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-extra-specs:create');
    const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
    const specs = objectIn(bodyOf(request), 'extra_specs');
    for (const [k, v] of Object.entries(specs)) flavor.extraSpecs[k] = scalar(v, k);
    ctx.store.changed();
    return { extra_specs: specs };
  });
  scope.get<{ Params: { id: string; key: string } }>(
    '/flavors/:id/os-extra_specs/:key',
    (request) => {
      const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
      const value = flavor.extraSpecs[request.params.key];
      if (value === undefined)
        throw novaError(
          'itemNotFound',
          `Flavor ${flavor.id} has no extra specs with key ${request.params.key}.`,
        );
      return { [request.params.key]: value };
    },
  );
  scope.put<{ Params: { id: string; key: string } }>(
    '/flavors/:id/os-extra_specs/:key',
    (request) => {
      requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-extra-specs:update');
      const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
      const body = bodyOf(request);
      const value = body[request.params.key];
      if (value === undefined || Object.keys(body).length !== 1)
        throw novaError('badRequest', 'Request body and URI mismatch');
      flavor.extraSpecs[request.params.key] = scalar(value, request.params.key);
      ctx.store.changed();
      return { [request.params.key]: flavor.extraSpecs[request.params.key] };
    },
  );
  scope.delete<{ Params: { id: string; key: string } }>(
    '/flavors/:id/os-extra_specs/:key',
    (request, reply) => {
      requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-extra-specs:delete');
      const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
      if (!(request.params.key in flavor.extraSpecs))
        throw novaError(
          'itemNotFound',
          `Flavor ${flavor.id} has no extra specs with key ${request.params.key}.`,
        );
      delete flavor.extraSpecs[request.params.key];
      ctx.store.changed();
      return void reply.code(200).send();
    },
  );

  // access
  const accessView = (f: Flavor) => ({
    flavor_access: f.access.map((tenant_id) => ({ flavor_id: f.id, tenant_id })),
  });
  scope.get<{ Params: { id: string } }>('/flavors/:id/os-flavor-access', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-access');
    const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
    if (flavor.isPublic)
      throw novaError('itemNotFound', 'Access list not available for public flavors.');
    return accessView(flavor);
  });
  scope.post<{ Params: { id: string } }>('/flavors/:id/action', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-flavor-access:add_tenant_access');
    const flavor = findFlavor(ctx, ctx.caller(request), request.params.id);
    const body = bodyOf(request);
    if (body.addTenantAccess) {
      const tenant = str(objectIn(body, 'addTenantAccess').tenant, 'tenant') ?? '';
      if (flavor.isPublic)
        throw novaError('conflictingRequest', 'Can not add access to a public flavor.');
      if (flavor.access.includes(tenant))
        throw novaError(
          'conflictingRequest',
          `Flavor access already exists for flavor ${flavor.id} and project ${tenant} combination.`,
        );
      flavor.access.push(tenant);
    } else if (body.removeTenantAccess) {
      const tenant = str(objectIn(body, 'removeTenantAccess').tenant, 'tenant') ?? '';
      if (!flavor.access.includes(tenant))
        throw novaError(
          'itemNotFound',
          `Flavor access not found for ${flavor.id} / ${tenant} combination.`,
        );
      flavor.access = flavor.access.filter((t) => t !== tenant);
    } else throw novaError('badRequest', 'Invalid flavor action.');
    ctx.store.changed();
    return accessView(flavor);
  });
};
