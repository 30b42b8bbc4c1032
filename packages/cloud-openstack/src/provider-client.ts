import { randomUUID } from 'node:crypto';
import { CloudError, signalFor, type CallOptions } from '@yunguan/cloud-core';
import { z } from 'zod';
import {
  passwordAuthBody,
  tokenBodySchema,
  type AuthOptions,
  type Token,
  type TokenScope,
} from './keystone-token';
import { invalidResponse, noResponse, unexpectedStatus, type CallSite } from './upstream-error';

export type { AuthOptions, FetchLike, Token, TokenScope } from './keystone-token';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export type ProviderRequest = {
  /** Service type, used for the catalog and in errors (`compute`, `network`, `identity`…). */
  serviceType: string;
  scope: TokenScope;
  method: Method;
  /** Endpoint URL from the catalog → this service's resource base (adds `v2.0/` etc.). */
  base: (endpoint: string) => string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Bytes as they are; a stream is sent as it arrives (never buffered, never replayed). */
  rawBody?: Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  expected: readonly number[];
  options?: CallOptions;
};

export type ProviderResponse = {
  status: number;
  headers: Headers;
  text: string;
  requestId: string;
  site: CallSite;
};

/** One call's signal (caller's + deadline), the caller's own signal and its request id. */
type Call = { signal: AbortSignal; callerSignal: AbortSignal | undefined; requestId?: string };

/** Tokens are refreshed this long before Keystone's expiry. */
const refreshMarginMs = 120_000;
const defaultTimeoutMs = 30_000;

const join = (base: string, path: string) =>
  `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

const withQuery = (url: string, query: ProviderRequest['query']) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${text}`;
};

/**
 * gophercloud's ProviderClient: owns the Keystone password login, the token of each project it
 * acts in (cached, refreshed before expiry, re-issued once on a 401), catalog lookup, request
 * ids and the mapping of every failure to a CloudError.
 */
export class ProviderClient {
  readonly authUrl: string;
  readonly regionName: string | undefined;
  readonly defaultTimeoutMs: number;
  private readonly transport: NonNullable<AuthOptions['fetch']>;
  private readonly tokens = new Map<string, Promise<Token>>();

  constructor(private readonly auth: AuthOptions) {
    this.authUrl = auth.authUrl.replace(/\/+$/, '');
    this.regionName = auth.regionName;
    this.defaultTimeoutMs = auth.defaultTimeoutMs ?? defaultTimeoutMs;
    this.transport = auth.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  /** A valid token for the scope, from the cache when it has time left. */
  async token(scope: TokenScope, options?: CallOptions): Promise<Token> {
    return this.tokenFor(scope, this.callOf(options));
  }

  private callOf(options: CallOptions | undefined): Call {
    return {
      signal: signalFor(options, this.defaultTimeoutMs),
      callerSignal: options?.signal,
      requestId: options?.requestId,
    };
  }

  private async tokenFor(scope: TokenScope, call: Call): Promise<Token> {
    const key = scope === 'default' ? 'default' : scope.projectId;
    const cached = this.tokens.get(key);
    if (cached !== undefined) {
      const token = await cached.catch(() => undefined);
      if (token !== undefined && token.expiresAt - Date.now() > refreshMarginMs) return token;
      if (this.tokens.get(key) === cached) this.tokens.delete(key);
    }
    const issued = this.issueToken(scope, call);
    this.tokens.set(key, issued);
    issued.catch(() => {
      if (this.tokens.get(key) === issued) this.tokens.delete(key);
    });
    return issued;
  }

  /** Forget a token Keystone no longer accepts. */
  invalidate(scope: TokenScope): void {
    this.tokens.delete(scope === 'default' ? 'default' : scope.projectId);
  }

  private async issueToken(scope: TokenScope, call: Call): Promise<Token> {
    const body = passwordAuthBody(this.auth, scope);
    const url = join(this.authUrl, 'auth/tokens');
    const response = await this.send(
      { service: 'identity', method: 'POST', url, expected: [201] },
      { 'Content-Type': 'application/json', Accept: 'application/json' },
      JSON.stringify(body),
      call,
    );
    if (response === 'reauth')
      throw new Error('unreachable: password login never re-authenticates');
    const id = response.headers.get('x-subject-token');
    const parsed = tokenBodySchema.safeParse(safeJson(response.text));
    if (!parsed.success) {
      const detail = z.prettifyError(parsed.error);
      throw invalidResponse(response.site, response.status, response.text, detail);
    }
    if (id === null) {
      throw invalidResponse(response.site, response.status, '', 'no X-Subject-Token header');
    }
    const token = parsed.data.token;
    return {
      id,
      expiresAt: Date.parse(token.expires_at),
      userId: token.user.id,
      projectId: token.project?.id ?? null,
      catalog: token.catalog,
    };
  }

  /** The public endpoint of a service type (in the configured region) from a token's catalog. */
  endpoint(token: Token, serviceType: string): string {
    if (serviceType === 'identity') return this.authUrl;
    const types = serviceType === 'block-storage' ? ['block-storage', 'volumev3'] : [serviceType];
    for (const type of types) {
      for (const service of token.catalog.filter((s) => s.type === type)) {
        const found = service.endpoints.find(
          (e) =>
            e.interface === 'public' &&
            (this.regionName === undefined ||
              e.region_id === this.regionName ||
              e.region === this.regionName),
        );
        if (found !== undefined) return found.url;
      }
    }
    throw new CloudError({
      kind: 'unavailable',
      provider: 'openstack',
      service: serviceType,
      method: 'GET',
      url: this.authUrl,
      expected: [],
      upstreamMessage: `the catalog has no public ${serviceType} endpoint${this.regionName ? ` in region ${this.regionName}` : ''}`,
    });
  }

  /** One authenticated call; a 401 re-issues the token once and tries again. */
  async request(req: ProviderRequest): Promise<ProviderResponse> {
    const call = this.callOf(req.options);
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.tokenFor(req.scope, call);
      const url = withQuery(
        join(req.base(this.endpoint(token, req.serviceType)), req.path),
        req.query,
      );
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'X-Auth-Token': token.id,
        ...req.headers,
      };
      let payload: RequestInit['body'] | undefined;
      if (req.rawBody !== undefined) {
        headers['Content-Type'] ??= 'application/octet-stream';
        payload = req.rawBody;
      } else if (req.body !== undefined) {
        headers['Content-Type'] ??= 'application/json';
        payload = JSON.stringify(req.body);
      }
      const site = { service: req.serviceType, method: req.method, url, expected: req.expected };
      // A stream can be read once: no second attempt after a 401 (the token is fresh anyway).
      const replayable = !(payload instanceof ReadableStream);
      const response = await this.send(site, headers, payload, call, attempt === 0 && replayable);
      if (response === 'reauth') {
        this.invalidate(req.scope);
        continue;
      }
      return response;
    }
  }

  private async send(
    site: Omit<CallSite, 'requestId'>,
    headers: Record<string, string>,
    payload: RequestInit['body'] | undefined,
    call: Call,
    mayReauth = false,
  ): Promise<ProviderResponse | 'reauth'> {
    const sentId = call.requestId ?? `req-${randomUUID()}`;
    let response: Response;
    let text: string;
    try {
      const init: RequestInit & { duplex?: 'half' } = {
        method: site.method,
        headers: { ...headers, 'X-OpenStack-Request-ID': sentId },
        body: payload,
        signal: call.signal,
      };
      if (payload instanceof ReadableStream) init.duplex = 'half';
      response = await this.transport(site.url, init);
      text = await response.text();
    } catch (error) {
      throw noResponse({ ...site, requestId: sentId }, error, call.callerSignal?.aborted === true);
    }
    const requestId =
      response.headers.get('x-openstack-request-id') ??
      response.headers.get('x-compute-request-id') ??
      sentId;
    const full: CallSite = { ...site, requestId };
    if (response.status === 401 && mayReauth) return 'reauth';
    if (!site.expected.includes(response.status)) {
      throw unexpectedStatus(full, response.status, text);
    }
    return { status: response.status, headers: response.headers, text, requestId, site: full };
  }
}

/** JSON.parse that yields undefined for non-JSON (the zod schema then reports the shape). */
export const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};
