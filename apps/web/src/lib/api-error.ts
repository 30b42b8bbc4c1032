import type { ErrorBody, Locale } from '@yunguan/contract';
import { errorBody, renderMessage } from '@yunguan/contract';

export type ApiIssue = { path: string; message: string };

/** A failed API call: HTTP status plus the server's error body (message already localised). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly reason: string | undefined;
  readonly params: Record<string, string | number>;
  readonly issues: ApiIssue[];

  constructor(status: number, body: ErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId || undefined;
    this.reason = body.details?.reason;
    this.params = body.details?.params ?? {};
    this.issues = body.details?.issues ?? [];
  }
}

const codeForStatus = (status: number) => {
  if (status === 401) return 'UNAUTHENTICATED' as const;
  if (status === 403) return 'FORBIDDEN' as const;
  if (status === 404) return 'NOT_FOUND' as const;
  if (status === 429) return 'RATE_LIMITED' as const;
  if (status >= 502 && status <= 504) return 'UPSTREAM_UNAVAILABLE' as const;
  return 'INTERNAL' as const;
};

/** Build an ApiError from any failed response: the server's body when it has the error shape,
 * otherwise (proxy down, HTML error page) a localised message chosen from the status. */
export const toApiError = (status: number, payload: unknown, locale: Locale): ApiError => {
  const parsed = errorBody.safeParse(payload);
  if (parsed.success) return new ApiError(status, parsed.data.error);
  const code = codeForStatus(status);
  return new ApiError(status, {
    code,
    message: renderMessage(locale, code, undefined, { requestId: '-' }),
    requestId: '',
  });
};

/** The network itself failed (API unreachable). */
export const networkError = (locale: Locale): ApiError =>
  new ApiError(0, {
    code: 'UPSTREAM_UNAVAILABLE',
    message: renderMessage(locale, 'UPSTREAM_UNAVAILABLE'),
    requestId: '',
  });

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
