import type { FastifyInstance } from 'fastify';
import { cinderError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { V3, bodyOf, optionalString, text, type IdParams, type ProjectParams } from './cinder-http';
import { newVolumeId, volumeSlice, type VolumeType } from './volume-state';

/** Extra specs only admins read (Cinder's volume_extension:types_extra_specs:read_sensitive). */
const sensitiveSpecs = new Set([
  'volume_backend_name',
  'RESKEY:availability_zones',
  'replication_enabled',
  'multiattach',
]);

/** Cinder's type view; the default-type view lacks the type-access extension's field. */
const renderType = (caller: SimCaller, type: VolumeType, access = true) => ({
  id: type.id,
  name: type.name,
  description: type.description,
  is_public: type.is_public,
  ...(access ? { 'os-volume-type-access:is_public': type.is_public } : {}),
  extra_specs: caller.isAdmin
    ? type.extra_specs
    : Object.fromEntries(Object.entries(type.extra_specs).filter(([k]) => !sensitiveSpecs.has(k))),
});

const requireAdmin = (caller: SimCaller) => {
  if (!caller.isAdmin)
    throw cinderError(
      'forbidden',
      `Policy doesn't allow volume_extension:types_manage to be performed.`,
    );
};

const findType = (ctx: SimContext, id: string) => {
  const slice = volumeSlice(ctx);
  const type = slice.types[id] ?? Object.values(slice.types).find((t) => t.name === id);
  if (!type) throw cinderError('itemNotFound', `Volume type ${id} could not be found.`);
  return type;
};

type SpecParams = IdParams & { key: string };

export const registerTypeRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  app.get<{ Params: ProjectParams }>(`${base}/types`, (request) => {
    const caller = ctx.caller(request);
    const types = Object.values(volumeSlice(ctx).types).filter(
      (t) => t.is_public || caller.isAdmin,
    );
    return { volume_types: types.map((t) => renderType(caller, t)) };
  });

  app.get<{ Params: ProjectParams }>(`${base}/types/default`, (request) => {
    const caller = ctx.caller(request);
    const slice = volumeSlice(ctx);
    return { volume_type: renderType(caller, findType(ctx, slice.defaultTypeName), false) };
  });

  app.get<{ Params: IdParams }>(`${base}/types/:id`, (request) => {
    const caller = ctx.caller(request);
    return { volume_type: renderType(caller, findType(ctx, request.params.id)) };
  });

  app.post<{ Params: ProjectParams }>(`${base}/types`, (request, reply) => {
    requireAdmin(ctx.caller(request));
    const body = bodyOf(request, 'volume_type');
    const name = optionalString(body.name, 'name');
    if (!name) throw cinderError('badRequest', 'Volume type name can not be empty.');
    const slice = volumeSlice(ctx);
    if (Object.values(slice.types).some((t) => t.name === name)) {
      throw cinderError('conflictingRequest', `Volume Type ${name} already exists.`);
    }
    const type: VolumeType = {
      id: newVolumeId(),
      name,
      description: optionalString(body.description, 'description') ?? null,
      is_public: body['os-volume-type-access:is_public'] !== false && body.is_public !== false,
      extra_specs: Object.fromEntries(
        Object.entries((body.extra_specs as Record<string, unknown> | undefined) ?? {}).map(
          ([k, v]) => [k, String(v)],
        ),
      ),
    };
    slice.types[type.id] = type;
    ctx.store.changed();
    return reply.code(200).send({ volume_type: renderType(ctx.caller(request), type) });
  });

  app.put<{ Params: IdParams }>(`${base}/types/:id`, (request) => {
    requireAdmin(ctx.caller(request));
    const type = findType(ctx, request.params.id);
    const body = bodyOf(request, 'volume_type');
    type.name = optionalString(body.name, 'name') ?? type.name;
    if (body.description !== undefined)
      type.description = optionalString(body.description, 'description') ?? null;
    if (typeof body.is_public === 'boolean') type.is_public = body.is_public;
    ctx.store.changed();
    return { volume_type: renderType(ctx.caller(request), type) };
  });

  app.delete<{ Params: IdParams }>(`${base}/types/:id`, (request, reply) => {
    requireAdmin(ctx.caller(request));
    const type = findType(ctx, request.params.id);
    const slice = volumeSlice(ctx);
    if (Object.values(slice.volumes).some((v) => v.volume_type_id === type.id)) {
      throw cinderError('badRequest', `Target volume type is still in use.`);
    }
    if (type.name === slice.defaultTypeName) {
      throw cinderError('badRequest', `Default volume type can not be deleted.`);
    }
    delete slice.types[type.id];
    ctx.store.changed();
    return reply.code(202).send();
  });

  app.get<{ Params: IdParams }>(`${base}/types/:id/extra_specs`, (request) => {
    ctx.caller(request);
    return { extra_specs: findType(ctx, request.params.id).extra_specs };
  });

  app.post<{ Params: IdParams }>(`${base}/types/:id/extra_specs`, (request) => {
    requireAdmin(ctx.caller(request));
    const type = findType(ctx, request.params.id);
    const specs = bodyOf(request, 'extra_specs');
    for (const [key, value] of Object.entries(specs)) type.extra_specs[key] = String(value);
    ctx.store.changed();
    return { extra_specs: specs };
  });

  app.put<{ Params: SpecParams }>(`${base}/types/:id/extra_specs/:key`, (request) => {
    requireAdmin(ctx.caller(request));
    const type = findType(ctx, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const value = body[request.params.key];
    if (value === undefined) throw cinderError('badRequest', 'Request body and URI mismatch');
    type.extra_specs[request.params.key] = text(value);
    ctx.store.changed();
    return { [request.params.key]: text(value) };
  });

  app.delete<{ Params: SpecParams }>(`${base}/types/:id/extra_specs/:key`, (request, reply) => {
    requireAdmin(ctx.caller(request));
    const type = findType(ctx, request.params.id);
    if (!(request.params.key in type.extra_specs)) {
      throw cinderError(
        'itemNotFound',
        `Volume Type ${type.id} has no extra specs with key ${request.params.key}.`,
      );
    }
    delete type.extra_specs[request.params.key];
    ctx.store.changed();
    return reply.code(202).send();
  });
};
