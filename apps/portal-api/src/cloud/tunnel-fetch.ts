import { callDatacenter, type DatacenterCall } from '../tunnel/call-datacenter';
import type { TunnelRegistry } from '../tunnel/tunnel-registry';

export type ProviderFetch = (url: string, init: RequestInit) => Promise<Response>;

const methods: readonly DatacenterCall['method'][] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
];

const headersOf = (headers: RequestInit['headers']): Record<string, string> => {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
};

/**
 * The fetch a cloud adapter gets: every URL's path and query go through the datacenter's tunnel
 * (callDatacenter); the origin is ignored — Keystone's catalog, rewritten by the agent, points at
 * the tunnel anyway. Offline datacenters fail at once with UPSTREAM_UNAVAILABLE.
 */
export const tunnelFetch =
  (
    registry: TunnelRegistry,
    target: { id: string; name: string; routerSecret: string },
    timeoutMs: number,
  ): ProviderFetch =>
  async (url, init) => {
    const parsed = new URL(url);
    const method = (init.method ?? 'GET').toUpperCase() as DatacenterCall['method'];
    if (!methods.includes(method)) throw new Error(`tunnel fetch: unsupported method ${method}`);
    const { body } = init;
    const streamed = body instanceof ReadableStream;
    if (
      body !== undefined &&
      body !== null &&
      typeof body !== 'string' &&
      !streamed &&
      !(body instanceof Uint8Array)
    )
      throw new Error('tunnel fetch: only text, bytes or streams pass through the transport');
    return callDatacenter(registry, target, {
      method,
      path: `${parsed.pathname}${parsed.search}`,
      headers: headersOf(init.headers),
      ...(body !== undefined && body !== null ? { body } : {}),
      // A streamed upload lasts as long as its bytes: the caller's signal carries its deadline.
      timeoutMs: streamed && init.signal ? 2_147_483_647 : timeoutMs,
      ...(init.signal ? { signal: init.signal } : {}),
    });
  };
