import { DomainError } from '@yunguan/domain';
import type { TunnelRegistry } from './tunnel-registry';

export const AGENT_SECRET_HEADER = 'x-yunguan-agent-secret';

export type DatacenterCall = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Path on the agent's router, e.g. /agent/info or /compute/v2.1/servers. */
  path: string;
  headers?: Record<string, string>;
  /** Text, bytes, or a stream passed on as it arrives (image uploads, never buffered). */
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  timeoutMs: number;
  signal?: AbortSignal;
};

const unavailable = (datacenter: string, why: string) =>
  new DomainError('UPSTREAM_UNAVAILABLE', `datacenter ${datacenter}: ${why}`, {
    reason: 'datacenter_offline',
    params: { datacenter, why },
  });

/**
 * The datacenter transport: resolve the tunnel endpoint from Redis and call the agent's router
 * through it with the datacenter's secret. An offline datacenter fails at once (one Redis read)
 * with UPSTREAM_UNAVAILABLE naming it; a call never outlives `timeoutMs`.
 */
export const callDatacenter = async (
  registry: TunnelRegistry,
  target: { id: string; name: string; routerSecret: string },
  call: DatacenterCall,
): Promise<Response> => {
  const { record, health } = await registry.readTunnel(target.id);
  if (!record) throw unavailable(target.name, 'no agent is connected');
  if (health?.state === 'offline' && health.gatewayId === record.gatewayId) {
    throw unavailable(target.name, health.reason ?? 'the tunnel does not answer');
  }
  const signals = [AbortSignal.timeout(call.timeoutMs), ...(call.signal ? [call.signal] : [])];
  try {
    return await fetch(`http://${record.host}:${record.port}${call.path}`, {
      method: call.method,
      headers: { ...call.headers, [AGENT_SECRET_HEADER]: target.routerSecret },
      ...(call.body !== undefined ? { body: call.body } : {}),
      ...(call.body instanceof ReadableStream ? { duplex: 'half' } : {}),
      signal: AbortSignal.any(signals),
      redirect: 'manual',
    });
  } catch (error) {
    const name = (error as Error).name;
    throw unavailable(
      target.name,
      name === 'TimeoutError'
        ? `no answer within ${call.timeoutMs} ms`
        : 'the tunnel refused the connection',
    );
  }
};
