import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../services/audit/record-audit';
import type { AppDeps } from './deps';
import { isMutating, requestContextOf } from './request-context';

/** Every mutating API request leaves an audit row. Services write the success rows inside their
 * transactions; a request that failed before (or without) doing so gets a failure row here. */
export const registerFailureAudit = (app: FastifyInstance, deps: AppDeps) => {
  app.addHook('onResponse', async (request, reply) => {
    if (
      !isMutating(request.method) ||
      !request.url.startsWith('/api/v1/') ||
      reply.statusCode < 400
    )
      return;
    const ctx = requestContextOf(deps, request);
    if (ctx.audit.written) return;
    const contractId = (request.routeOptions.config as { contractId?: string } | undefined)
      ?.contractId;
    const params = request.params as Record<string, string> | undefined;
    try {
      await recordAudit(
        deps.db,
        { ...ctx, ...(request.ygAuth ? { principal: request.ygAuth.principal } : {}) },
        {
          action: contractId ?? `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
          targetType: contractId?.split('.')[0] ?? 'unknown',
          targetId: params?.id ?? null,
          result: 'failure',
          detail: { status: reply.statusCode },
        },
      );
    } catch (error) {
      request.log.error({ err: error }, 'could not record failure audit row');
    }
  });
};
