import type { FastifyInstance } from 'fastify';
import { glanceError } from '../core/errors';
import { uuid } from '../core/ids';
import type { SimCaller, SimContext } from '../core/sim-context';
import { findImage, findOwnImage } from './image-access';
import type { ImageFiles } from './image-files';
import {
  type Image,
  containerFormats,
  coreFields,
  diskFormats,
  glanceTime,
  imageStateOf,
  readOnlyFields,
  renderImage,
  visibilities,
} from './image-state';

type Body = Record<string, unknown>;

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Check and apply one settable attribute (create and PATCH share the rules). */
const setAttribute = (caller: SimCaller, image: Image, key: string, value: unknown) => {
  if (readOnlyFields.has(key)) throw glanceError(403, `Attribute '${key}' is read-only.`);
  switch (key) {
    case 'name':
      if (value !== null && (typeof value !== 'string' || value.length > 255)) {
        throw glanceError(400, `Invalid value for name: ${shown(value)}`);
      }
      image.name = value;
      return;
    case 'visibility':
      if (!visibilities.includes(value as Image['visibility'])) {
        throw glanceError(400, `Invalid visibility value: ${shown(value)}`);
      }
      if (value === 'public' && !caller.isAdmin) {
        throw glanceError(403, 'You are not authorized to complete publicize_image action.');
      }
      image.visibility = value as Image['visibility'];
      return;
    case 'protected':
    case 'os_hidden':
      if (typeof value !== 'boolean')
        throw glanceError(400, `Invalid value for ${key}: ${shown(value)}`);
      image[key] = value;
      return;
    case 'disk_format':
      if (value !== null && !diskFormats.includes(value as (typeof diskFormats)[number])) {
        throw glanceError(400, `Invalid disk format '${shown(value)}' for image.`);
      }
      if (image.status !== 'queued' && value !== image.disk_format) {
        throw glanceError(403, 'Attribute disk_format can be only replaced for a queued image.');
      }
      image.disk_format = value as string | null;
      return;
    case 'container_format':
      if (
        value !== null &&
        !containerFormats.includes(value as (typeof containerFormats)[number])
      ) {
        throw glanceError(400, `Invalid container format '${shown(value)}' for image.`);
      }
      if (image.status !== 'queued' && value !== image.container_format) {
        throw glanceError(
          403,
          'Attribute container_format can be only replaced for a queued image.',
        );
      }
      image.container_format = value as string | null;
      return;
    case 'min_disk':
    case 'min_ram':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw glanceError(400, `Invalid value for ${key}: ${shown(value)}`);
      }
      image[key] = value;
      return;
    case 'tags':
      if (!Array.isArray(value) || value.some((t) => typeof t !== 'string' || t.length > 255)) {
        throw glanceError(400, 'Invalid value for tags');
      }
      image.tags = [...new Set(value as string[])];
      return;
    case 'owner':
      if (!caller.isAdmin) throw glanceError(403, "Attribute 'owner' is reserved.");
      if (typeof value !== 'string') throw glanceError(400, 'Invalid value for owner');
      image.owner = value;
      return;
    case 'id':
      throw glanceError(403, "Attribute 'id' is read-only.");
    default:
      if (key.startsWith('os_glance')) {
        throw glanceError(403, `Attribute '${key}' is reserved.`);
      }
      if (typeof value !== 'string') {
        throw glanceError(400, `Invalid value for additional property ${key}: must be a string`);
      }
      image.properties[key] = value;
  }
};

/** A v2.0 JSON-patch operation (`{"add": "/k", "value": v}`) in v2.1 form. */
const fromV20 = (raw: Body): Body => {
  const names = ['add', 'remove', 'replace'].filter((k) => k in raw);
  const [op] = names;
  if (names.length !== 1 || op === undefined) return { op: undefined };
  return { op, path: raw[op], value: raw.value };
};

const removeAttribute = (image: Image, key: string) => {
  if (coreFields.has(key) || readOnlyFields.has(key)) {
    throw glanceError(403, `Attribute '${key}' is read-only.`);
  }
  if (!(key in image.properties)) throw glanceError(409, `Property ${key} does not exist.`);
  delete image.properties[key];
};

export const registerImageRoutes = (app: FastifyInstance, ctx: SimContext, files: ImageFiles) => {
  const images = () => imageStateOf(ctx.store.state).images;

  app.post('/image/v2/images', (request, reply) => {
    const caller = ctx.caller(request);
    const body = (request.body ?? {}) as Body;
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw glanceError(400, 'Body expected in request.');
    }
    const id = typeof body.id === 'string' ? body.id : uuid();
    if (images()[id] !== undefined)
      throw glanceError(409, `Image with identifier ${id} already exists!`);
    const now = glanceTime(ctx.now());
    const image: Image = {
      id,
      name: null,
      status: 'queued',
      visibility: 'shared',
      protected: false,
      os_hidden: false,
      checksum: null,
      os_hash_algo: null,
      os_hash_value: null,
      size: null,
      virtual_size: null,
      disk_format: null,
      container_format: null,
      min_disk: 0,
      min_ram: 0,
      owner: caller.projectId,
      created_at: now,
      updated_at: now,
      tags: [],
      properties: {},
    };
    for (const [key, value] of Object.entries(body)) {
      if (key !== 'id') setAttribute(caller, image, key, value);
    }
    images()[id] = image;
    ctx.store.changed();
    ctx.notify({
      event_type: 'image.create',
      publisher_id: 'image.localhost',
      payload: renderImage(image),
    });
    return reply.code(201).header('location', `/v2/images/${id}`).send(renderImage(image));
  });

  app.get<{ Params: { id: string } }>('/image/v2/images/:id', (request) => {
    const caller = ctx.caller(request);
    return renderImage(findImage(ctx, caller, request.params.id));
  });

  app.patch<{ Params: { id: string } }>('/image/v2/images/:id', (request) => {
    const caller = ctx.caller(request);
    const image = findOwnImage(ctx, caller, request.params.id);
    const ops = request.body;
    if (!Array.isArray(ops))
      throw glanceError(400, 'Request body must be a JSON array of operation objects.');
    const draft: Image = structuredClone(image);
    // v2.0 documents name the operation as the key: {"replace": "/path", "value": …}.
    const v20 = String(request.headers['content-type']).includes('v2.0-json-patch');
    for (const given of ops as Body[]) {
      const raw = v20 ? fromV20(given) : given;
      const op = raw.op;
      const pathValue = raw.path;
      if (typeof pathValue !== 'string' || !pathValue.startsWith('/')) {
        throw glanceError(
          400,
          "Json path should start with a '/', end with no '/', no 2 subsequent '/' are allowed.",
        );
      }
      const key = pathValue.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
      if (op === 'add' || op === 'replace') {
        if (op === 'replace' && !coreFields.has(key) && !(key in draft.properties)) {
          throw glanceError(409, `Property ${key} does not exist.`);
        }
        setAttribute(caller, draft, key, raw.value);
      } else if (op === 'remove') {
        removeAttribute(draft, key);
      } else {
        throw glanceError(
          400,
          `Operation objects must contain exactly one member named "add", "remove", or "replace".`,
        );
      }
    }
    draft.updated_at = glanceTime(ctx.now());
    Object.assign(image, draft);
    ctx.store.changed();
    ctx.notify({
      event_type: 'image.update',
      publisher_id: 'image.localhost',
      payload: renderImage(image),
    });
    return renderImage(image);
  });

  app.delete<{ Params: { id: string } }>('/image/v2/images/:id', async (request, reply) => {
    const caller = ctx.caller(request);
    const image = findOwnImage(ctx, caller, request.params.id);
    if (image.protected) {
      throw glanceError(403, `Image ${image.id} is protected and cannot be deleted.`);
    }
    delete images()[image.id];
    delete imageStateOf(ctx.store.state).members[image.id];
    await files.remove(image.id);
    ctx.store.changed();
    ctx.notify({
      event_type: 'image.delete',
      publisher_id: 'image.localhost',
      payload: { ...renderImage(image), status: 'deleted', deleted: true },
    });
    return reply.code(204).send();
  });

  app.put<{ Params: { id: string; tag: string } }>(
    '/image/v2/images/:id/tags/:tag',
    (request, reply) => {
      const image = findOwnImage(ctx, ctx.caller(request), request.params.id);
      if (!image.tags.includes(request.params.tag)) image.tags.push(request.params.tag);
      image.updated_at = glanceTime(ctx.now());
      ctx.store.changed();
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { id: string; tag: string } }>(
    '/image/v2/images/:id/tags/:tag',
    (request, reply) => {
      const image = findOwnImage(ctx, ctx.caller(request), request.params.id);
      if (!image.tags.includes(request.params.tag)) {
        throw glanceError(404, `Tag ${request.params.tag} not found.`);
      }
      image.tags = image.tags.filter((t) => t !== request.params.tag);
      image.updated_at = glanceTime(ctx.now());
      ctx.store.changed();
      return reply.code(204).send();
    },
  );

  for (const action of ['deactivate', 'reactivate'] as const) {
    app.post<{ Params: { id: string } }>(
      `/image/v2/images/:id/actions/${action}`,
      (request, reply) => {
        const caller = ctx.caller(request);
        const image = findImage(ctx, caller, request.params.id);
        // Glance's default policy: admins and the image's owner.
        if (!caller.isAdmin && image.owner !== caller.projectId)
          throw glanceError(403, `You are not authorized to complete ${action} action.`);
        const from = action === 'deactivate' ? 'active' : 'deactivated';
        if (
          image.status !== from &&
          image.status !== (action === 'deactivate' ? 'deactivated' : 'active')
        ) {
          throw glanceError(403, `Not allowed to ${action} image in status '${image.status}'`);
        }
        image.status = action === 'deactivate' ? 'deactivated' : 'active';
        ctx.store.changed();
        return reply.code(204).send();
      },
    );
  }
};
