import type { FastifyInstance } from 'fastify';
import { glanceError } from '../core/errors';
import type { SimContext } from '../core/sim-context';

/**
 * Glance metadata definitions, read-only and empty (as a cloud where `glance-manage
 * db_load_metadefs` was never run answers): dashboards list the namespaces beside images.
 */
export const registerMetadefRoutes = (app: FastifyInstance, ctx: SimContext) => {
  app.get('/image/v2/metadefs/namespaces', (request) => {
    ctx.caller(request);
    return {
      namespaces: [],
      schema: '/v2/schemas/metadefs/namespaces',
      first: '/v2/metadefs/namespaces',
    };
  });
  app.get<{ Params: { ns: string } }>('/image/v2/metadefs/namespaces/:ns', (request) => {
    ctx.caller(request);
    throw glanceError(404, `Metadata definition namespace=${request.params.ns} was not found.`);
  });
  app.get('/image/v2/metadefs/resource_types', (request) => {
    ctx.caller(request);
    return { resource_types: [] };
  });
};
