import type { FastifyInstance } from 'fastify';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { registerImageDataRoutes } from './image-data-routes';
import { openImageFiles } from './image-files';
import { registerImageListRoute } from './image-list-route';
import { registerImageMemberRoutes } from './image-member-routes';
import { registerImageRoutes } from './image-routes';
import { registerMetadefRoutes } from './metadefs-routes';
import { imageSchema, imagesSchema, memberSchema, membersSchema } from './image-schema';
import { seedImages } from './seed-images';

export type { Image, ImageState } from './image-state';
export { imageStateOf } from './image-state';

const versionIds = ['2.16', '2.15', '2.9', '2.7', '2.6', '2.5', '2.4', '2.3', '2.2', '2.1', '2.0'];

/** Glance v2 under /image; image bytes in `<dataDir>/images/`. Seeds the public cirros image. */
export const registerImage = async (app: FastifyInstance, ctx: SimContext) => {
  const files = await openImageFiles(ctx.dataDir);
  await seedImages(ctx, files);

  // Upload bodies stream to disk; JSON-patch bodies are JSON under their own media type.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, payload),
  );
  app.addContentTypeParser(
    [
      'application/openstack-images-v2.1-json-patch',
      'application/openstack-images-v2.0-json-patch',
    ],
    { parseAs: 'string' },
    (_request, body: string, done) => {
      try {
        done(null, JSON.parse(body) as unknown);
      } catch (error) {
        done(error as Error);
      }
    },
  );

  const versions = (base: string) =>
    versionIds.map((id, i) => ({
      id: `v${id}`,
      status: i === 0 ? 'CURRENT' : 'SUPPORTED',
      links: [{ rel: 'self', href: `${base}/image/v2/` }],
    }));
  for (const path of ['/image', '/image/'])
    app.get(path, (request, reply) =>
      reply.code(300).send({ versions: versions(linkBase(request)) }),
    );
  app.get('/image/versions', (request) => ({ versions: versions(linkBase(request)) }));
  app.get('/image/v2/info/import', (request) => {
    ctx.caller(request);
    return {
      'import-methods': {
        description: 'Import methods available.',
        type: 'array',
        value: ['glance-direct'],
      },
    };
  });
  app.get('/image/v2/schemas/image', (request) => {
    ctx.caller(request);
    return imageSchema;
  });
  app.get('/image/v2/schemas/images', (request) => {
    ctx.caller(request);
    return imagesSchema;
  });
  app.get('/image/v2/schemas/member', (request) => {
    ctx.caller(request);
    return memberSchema;
  });
  app.get('/image/v2/schemas/members', (request) => {
    ctx.caller(request);
    return membersSchema;
  });
  registerImageListRoute(app, ctx);
  registerImageRoutes(app, ctx, files);
  registerImageMemberRoutes(app, ctx);
  registerImageDataRoutes(app, ctx, files);
  registerMetadefRoutes(app, ctx);
};
