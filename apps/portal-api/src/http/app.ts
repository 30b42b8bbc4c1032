import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { DomainError } from '@yunguan/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { errorBodyOf, httpStatusFor, toDomainError } from './errors';
import { registerFailureAudit } from './failure-audit';
import { registerHealth } from './health';
import { registerHostileInputGuard } from './hostile-input-guard';
import { localeOf } from './locale';
import { registerMetrics } from './metrics';
import { registerAuthRoutes } from './routes/auth-routes';
import { registerCatalogRoutes } from './routes/catalog-routes';
import { registerDatacenterRoutes } from './routes/datacenter-routes';
import { registerIdentityRoutes } from './routes/identity-routes';
import { registerInventoryRoutes } from './routes/inventory-routes';
import { registerOrganisationRoutes } from './routes/organisation-routes';
import { registerQuotaAndAuditRoutes } from './routes/quota-audit-routes';
import { registerEventRoutes } from './routes/events-routes';
import { registerServerAndTaskRoutes } from './routes/server-task-routes';
import { registerConsoleRoutes } from '../console/console-routes';
import { registerImageRoutes } from './routes/image-routes';
import { registerBaremetalRoutes } from './routes/baremetal-routes';
import { registerAppCredentialRoutes } from './routes/app-credential-routes';
import { registerLbfwRoutes } from './routes/lbfw-routes';
import { registerNetworkRoutes } from './routes/network-routes';
import { registerStorageRoutes } from './routes/storage-routes';
import { registerMonitoringRoutes } from './routes/monitoring-routes';
import { registerOverviewRoutes } from './routes/overview-routes';
import { registerNotificationRoutes } from './routes/notification-routes';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: {
      level: deps.env.LOG_LEVEL,
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
    trustProxy: deps.env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `req-${randomUUID()}`;
    },
  });
  // Input is validated by the contract's zod schemas in registerContract (localised messages);
  // Fastify only carries the schemas into the OpenAPI document.
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yunguan portal API',
        version: '0.1.0',
        description: 'Multi-cloud management portal (云管).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yg_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (ygt_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, (_request, reply) =>
    reply.send(app.swagger()),
  );

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler(async (raw, request, reply) => {
    const { error, internal } = toDomainError(raw);
    if (internal) request.log.error({ err: raw }, 'unhandled error');
    else request.log.info({ code: error.code, reason: error.details.reason }, 'request refused');
    return reply
      .code(httpStatusFor(error, raw))
      .send(errorBodyOf(error, localeOf(request), request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new DomainError('NOT_FOUND', 'no such route', {
      reason: 'not_found',
      params: { entity: 'API route' },
    });
    return reply.code(404).send(errorBodyOf(error, localeOf(request), request.id));
  });

  registerMetrics(app);
  registerHealth(app, deps);
  registerFailureAudit(app, deps);
  registerHostileInputGuard(app);
  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerIdentityRoutes(app, deps);
  registerQuotaAndAuditRoutes(app, deps);
  registerDatacenterRoutes(app, deps);
  registerInventoryRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerServerAndTaskRoutes(app, deps);
  registerConsoleRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerImageRoutes(app, deps);
  registerBaremetalRoutes(app, deps);
  registerAppCredentialRoutes(app, deps);
  registerStorageRoutes(app, deps);
  registerNetworkRoutes(app, deps);
  registerLbfwRoutes(app, deps);
  registerOverviewRoutes(app, deps);
  registerMonitoringRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  return app;
};
