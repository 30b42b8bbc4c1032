/**
 * The one cloud error family (gophercloud's ErrUnexpectedResponseCode is the model): every
 * failed upstream call names the provider, service, method, URL, the statuses expected and the
 * one received, the request id and a truncated, redacted body. `kind` is what callers branch on.
 */
export const cloudErrorKinds = [
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'quota-exceeded',
  'rate-limited',
  'unavailable',
  'timeout',
  'invalid-response',
  'unexpected',
] as const;
export type CloudErrorKind = (typeof cloudErrorKinds)[number];

export type CloudErrorInit = {
  kind: CloudErrorKind;
  provider: string;
  service: string;
  method: string;
  url: string;
  expected: readonly number[];
  actual?: number;
  requestId?: string;
  body?: string;
  /** The upstream's own human message (e.g. Nova's `itemNotFound.message`), when it gave one. */
  upstreamMessage?: string;
  cause?: unknown;
};

const maxBody = 2_000;
const secretPattern =
  /("?(?:password|secret|token|access_key|secret_key|credential|auth_token|admin_pass|adminPass)"?\s*[:=]\s*)("[^"]*"|[^\s,}&]+)/gi;

/** Cut a body to a readable length and blank anything that looks like a secret. */
export const redactBody = (body: string): string => {
  const cut = body.length > maxBody ? `${body.slice(0, maxBody)}…(${body.length} bytes)` : body;
  return cut.replace(secretPattern, '$1"***"');
};

/** Query strings may carry tokens; keep the path and parameter names only. */
const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) {
      if (/token|secret|password|signature/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return url;
  }
};

export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  readonly provider: string;
  readonly service: string;
  readonly method: string;
  readonly url: string;
  readonly expected: readonly number[];
  readonly actual: number | undefined;
  readonly requestId: string | undefined;
  readonly body: string | undefined;
  readonly upstreamMessage: string | undefined;

  constructor(init: CloudErrorInit) {
    const status = init.actual === undefined ? 'no response' : `got ${init.actual}`;
    super(
      `${init.provider} ${init.service}: ${init.method} ${redactUrl(init.url)} expected ${init.expected.join('/')}, ${status}` +
        (init.upstreamMessage ? `: ${init.upstreamMessage}` : ''),
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = 'CloudError';
    this.kind = init.kind;
    this.provider = init.provider;
    this.service = init.service;
    this.method = init.method;
    this.url = redactUrl(init.url);
    this.expected = init.expected;
    this.actual = init.actual;
    this.requestId = init.requestId;
    this.body = init.body === undefined ? undefined : redactBody(init.body);
    this.upstreamMessage = init.upstreamMessage;
  }
}

export const isCloudError = (error: unknown): error is CloudError => error instanceof CloudError;

/** The kind an HTTP status means when the upstream gave nothing more specific. */
export const kindOfStatus = (status: number): CloudErrorKind => {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'quota-exceeded';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'unexpected';
};
