import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { glanceError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { findImage, findOwnImage } from './image-access';
import type { ImageFiles } from './image-files';
import { glanceTime, renderImage } from './image-state';

/** PUT and GET /v2/images/{id}/file: bytes stream to and from `<dataDir>/images/`. */
export const registerImageDataRoutes = (
  app: FastifyInstance,
  ctx: SimContext,
  files: ImageFiles,
) => {
  app.put<{ Params: { id: string } }>('/image/v2/images/:id/file', async (request, reply) => {
    const caller = ctx.caller(request);
    const image = findOwnImage(ctx, caller, request.params.id);
    if (image.status !== 'queued') {
      throw glanceError(
        409,
        `Image status transition from ${image.status} to saving is not allowed`,
      );
    }
    if (image.disk_format === null || image.container_format === null) {
      throw glanceError(
        400,
        'Properties disk_format, container_format must be set prior to saving data.',
      );
    }
    const body = request.body as Readable | Buffer | undefined;
    if (body === undefined) throw glanceError(400, 'Body expected in request.');
    image.status = 'saving';
    let written;
    try {
      written = await files.write(image.id, isReadable(body) ? body : Readable.from([body]));
    } catch {
      image.status = 'queued';
      throw glanceError(400, 'The image data could not be read completely.');
    }
    Object.assign(image, {
      status: 'active',
      size: written.size,
      // Glance's format inspector: the virtual size (a raw image's is its size).
      virtual_size: written.size,
      checksum: written.md5,
      os_hash_algo: 'sha512',
      os_hash_value: written.sha512,
      updated_at: glanceTime(ctx.now()),
    });
    ctx.store.changed();
    ctx.notify({
      event_type: 'image.upload',
      publisher_id: 'image.localhost',
      payload: renderImage(image),
    });
    ctx.notify({
      event_type: 'image.activate',
      publisher_id: 'image.localhost',
      payload: renderImage(image),
    });
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/image/v2/images/:id/file', async (request, reply) => {
    const caller = ctx.caller(request);
    const image = findImage(ctx, caller, request.params.id);
    if (image.status === 'deactivated' && !caller.isAdmin) {
      throw glanceError(
        403,
        'The requested image has been deactivated. Image data download is forbidden.',
      );
    }
    if (image.size === null || !(await files.exists(image.id))) return reply.code(204).send();
    reply
      .header('content-type', 'application/octet-stream')
      .header('content-length', image.size)
      .header('content-md5', image.checksum ?? '');
    return reply.send(files.read(image.id));
  });
};

const isReadable = (v: unknown): v is Readable =>
  typeof v === 'object' && v !== null && typeof (v as Readable).pipe === 'function';
