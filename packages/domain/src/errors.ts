export const errorCodes = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'VALIDATION',
  'QUOTA_EXCEEDED',
  'INSUFFICIENT_BALANCE',
  'PRECONDITION_FAILED',
  'UPSTREAM_UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Structured, user-actionable details. `reason` selects a message in the catalog. */
export type DomainErrorDetails = {
  reason?: string;
  params?: Record<string, string | number>;
  issues?: { path: string; message: string }[];
};

/** The one domain error family. Messages shown to users are rendered from `code` + `details`
 * by the transport in the user's language; `message` here is for logs only. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: ErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (entity: string, id?: string) =>
  new DomainError('NOT_FOUND', `${entity} ${id ?? ''} not found`, {
    reason: 'not_found',
    params: { entity },
  });

export const forbidden = (permission: string) =>
  new DomainError('FORBIDDEN', `missing permission ${permission}`, {
    reason: 'forbidden',
    params: { permission },
  });

export const conflict = (reason: string, params: Record<string, string | number> = {}) =>
  new DomainError('CONFLICT', reason, { reason, params });

export const precondition = (reason: string, params: Record<string, string | number> = {}) =>
  new DomainError('PRECONDITION_FAILED', reason, { reason, params });

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
