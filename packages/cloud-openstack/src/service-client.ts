import type { CallOptions } from '@yunguan/cloud-core';
import { z } from 'zod';
import {
  safeJson,
  type Method,
  type ProviderClient,
  type ProviderResponse,
  type TokenScope,
} from './provider-client';
import { invalidResponse } from './upstream-error';

/** What each request function passes: the token scope, the call options, the microversion. */
export type Call = { scope: TokenScope; options?: CallOptions };

export type ServiceRequest = {
  method: Method;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  rawBody?: Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  expected: readonly number[];
  /** Pinned per operation, e.g. `2.79` — sent as `OpenStack-API-Version: <service> <v>`. */
  microversion?: string;
};

/** Append an API version to an unversioned catalog URL (gophercloud's ResourceBase). */
const versioned = (version: string) => (endpoint: string) =>
  /\/v\d+(\.\d+)?\/?$/.test(endpoint) ? endpoint : `${endpoint.replace(/\/+$/, '')}/${version}`;

type ServiceShape = {
  type: string;
  /** The name in `OpenStack-API-Version` headers (`compute`, `volume`, `placement`…). */
  microversionName?: string;
  base: (endpoint: string) => string;
};

/** gophercloud's ServiceClient: one per service, sharing the provider client's tokens. */
export class ServiceClient {
  constructor(
    readonly provider: ProviderClient,
    private readonly shape: ServiceShape,
  ) {}

  get type(): string {
    return this.shape.type;
  }

  async request(call: Call, req: ServiceRequest): Promise<ProviderResponse> {
    const headers: Record<string, string> = { ...req.headers };
    if (req.microversion !== undefined && this.shape.microversionName !== undefined) {
      headers['OpenStack-API-Version'] = `${this.shape.microversionName} ${req.microversion}`;
      if (this.shape.type === 'compute') headers['X-OpenStack-Nova-API-Version'] = req.microversion;
      if (this.shape.type === 'baremetal')
        headers['X-OpenStack-Ironic-API-Version'] = req.microversion;
    }
    return this.provider.request({
      serviceType: this.shape.type,
      scope: call.scope,
      method: req.method,
      base: this.shape.base,
      path: req.path,
      query: req.query,
      body: req.body,
      rawBody: req.rawBody,
      headers,
      expected: req.expected,
      options: call.options,
    });
  }

  /** A request whose JSON answer must match the schema (unknown keys kept, required ones checked). */
  async requestJson<T extends z.ZodType>(
    call: Call,
    req: ServiceRequest,
    schema: T,
  ): Promise<z.infer<T>> {
    const response = await this.request(call, req);
    return parseBody(response, schema);
  }
}

export const parseBody = <T extends z.ZodType>(
  response: ProviderResponse,
  schema: T,
): z.infer<T> => {
  const parsed = schema.safeParse(safeJson(response.text));
  if (!parsed.success) {
    throw invalidResponse(
      response.site,
      response.status,
      response.text,
      z.prettifyError(parsed.error),
    );
  }
  return parsed.data;
};

export const identityService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'identity', base: versioned('v3') });
export const computeService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'compute', microversionName: 'compute', base: versioned('v2.1') });
export const networkService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'network', base: versioned('v2.0') });
export const blockStorageService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'block-storage', microversionName: 'volume', base: (e) => e });
export const imageService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'image', base: versioned('v2') });
export const placementService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'placement', microversionName: 'placement', base: (e) => e });
export const baremetalService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'baremetal', microversionName: 'baremetal', base: versioned('v1') });
export const loadBalancerService = (p: ProviderClient) =>
  new ServiceClient(p, { type: 'load-balancer', base: versioned('v2') });

/** Every service client of one provider client. */
export const serviceClients = (p: ProviderClient) => ({
  identity: identityService(p),
  compute: computeService(p),
  network: networkService(p),
  blockStorage: blockStorageService(p),
  image: imageService(p),
  placement: placementService(p),
  baremetal: baremetalService(p),
  loadBalancer: loadBalancerService(p),
});
export type ServiceClients = ReturnType<typeof serviceClients>;
