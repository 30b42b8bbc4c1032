import { renderMessage, type ErrorBody, type Locale } from '@yunguan/contract';
import { DomainError, notFound, type ErrorCode } from '@yunguan/domain';

/** The one table that maps errors to HTTP status. */
export const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INSUFFICIENT_BALANCE: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  QUOTA_EXCEEDED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 503,
};

type FastifyLikeError = { statusCode?: number; code?: string; message: string };

/** Normalise anything thrown into a DomainError; unknown causes become INTERNAL. */
export const toDomainError = (error: unknown): { error: DomainError; internal: boolean } => {
  if (error instanceof DomainError) return { error, internal: false };
  const e = error as FastifyLikeError;
  // A create that lost the race with a delete of its owner (migration 0010's triggers, ADR 0113).
  const ownerDeleted = /yg_owner_deleted: (department|project|datacenter) /.exec(e?.message ?? '');
  if (ownerDeleted?.[1]) return { error: notFound(ownerDeleted[1]), internal: false };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own 4xx: unreadable JSON, wrong content type, body too large, …
    return {
      error: new DomainError('VALIDATION', e.message, {
        reason: 'request_unreadable',
        issues: [{ path: '', message: e.message }],
      }),
      internal: false,
    };
  }
  return { error: new DomainError('INTERNAL', 'internal error'), internal: true };
};

export const httpStatusFor = (error: DomainError, raw: unknown): number => {
  const fastifyStatus = (raw as FastifyLikeError)?.statusCode;
  if (error.details.reason === 'request_unreadable' && typeof fastifyStatus === 'number')
    return fastifyStatus;
  return statusOf[error.code];
};

export const errorBodyOf = (error: DomainError, locale: Locale, requestId: string): ErrorBody => ({
  error: {
    code: error.code,
    message:
      error.details.reason === 'request_unreadable'
        ? `${renderMessage(locale, 'VALIDATION')} (${error.message})`
        : renderMessage(locale, error.code, error.details.reason, {
            ...error.details.params,
            requestId,
          }),
    requestId,
    details: {
      ...(error.details.reason ? { reason: error.details.reason } : {}),
      ...(error.details.params ? { params: error.details.params } : {}),
      ...(error.details.issues ? { issues: error.details.issues } : {}),
    },
  },
});
