import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../services/audit/record-audit';
import type { AppDeps } from './deps';
import { isMutating, requestContextOf } from './request-context';

/** `:id`, else the last path parameter (`…/app-credentials/:credentialId`). */
const targetIdOf = (params: Record<string, unknown> | undefined): string | null => {
  const ids = Object.values(params ?? {}).filter((v): v is string => typeof v === 'string');
  return typeof params?.id === 'string' ? params.id : (ids.at(-1) ?? null);
};

/** Every mutating API request leaves an audit row. Services write the success rows inside their
 * transactions; a request that failed before (or without) doing so gets a failure row here —
 * sanitised by recordAudit, so even a request refused for hostile text is audited (ADR 0114).
 * Written in onSend, before the reply leaves: a caller that sees the refusal can find its row. */
export const registerFailureAudit = (app: FastifyInstance, deps: AppDeps) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      !isMutating(request.method) ||
      !request.url.startsWith('/api/v1/') ||
      reply.statusCode < 400
    )
      return payload;
    const ctx = requestContextOf(deps, request);
    if (ctx.audit.written) return payload;
    const contractId = (request.routeOptions.config as { contractId?: string } | undefined)
      ?.contractId;
    const params = request.params as Record<string, unknown> | undefined;
    const body = request.body as Record<string, unknown> | undefined;
    const named = body && typeof body === 'object' ? (body.username ?? body.name) : undefined;
    const refused = request.ygRefusedFields;
    try {
      await recordAudit(
        deps.db,
        { ...ctx, ...(request.ygAuth ? { principal: request.ygAuth.principal } : {}) },
        {
          action: contractId ?? `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
          targetType: contractId?.split('.')[0] ?? 'unknown',
          targetId: targetIdOf(params),
          targetName: typeof named === 'string' ? named : null,
          result: 'failure',
          detail: {
            status: reply.statusCode,
            ...(refused ? { reason: 'hostile_input', fields: refused } : {}),
          },
        },
      );
    } catch (error) {
      request.log.error({ err: error }, 'could not record failure audit row');
    }
    return payload;
  });
};
