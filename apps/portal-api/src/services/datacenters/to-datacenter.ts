import type { Datacenter, TunnelStatus } from '@yunguan/contract';
import type { DatacenterRow } from '../../repositories/datacenter-repository';
import type { TunnelRegistry } from '../../tunnel/tunnel-registry';

/** Live tunnel status from the registry: connected (record) and how the last probe went. */
export const tunnelStatusOf = async (
  registry: TunnelRegistry,
  datacenterId: string,
): Promise<TunnelStatus> => {
  const { record, health } = await registry.readTunnel(datacenterId);
  if (!record) {
    return {
      state: 'offline',
      latencyMs: null,
      gateway: null,
      since: null,
      checkedAt: health?.checkedAt ?? null,
      reason: health?.reason ?? 'no agent connected',
    };
  }
  return {
    state: health && health.gatewayId === record.gatewayId ? health.state : 'online',
    latencyMs: health?.latencyMs ?? null,
    gateway: record.gatewayId,
    since: record.connectedSince,
    checkedAt: health?.checkedAt ?? null,
    reason: health?.reason ?? null,
  };
};

export const toDatacenter = async (
  registry: TunnelRegistry,
  row: DatacenterRow,
  now: Date,
): Promise<Datacenter> => {
  const pending = row.enrollmentTokens[0];
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    kind: row.kind as Datacenter['kind'],
    description: row.description,
    tunnelPort: row.tunnelPort,
    agent: row.agent
      ? {
          fingerprint: row.agent.fingerprint,
          version: row.agent.version,
          enrolledAt: row.agent.enrolledAt.toISOString(),
          lastSeenAt: row.agent.lastSeenAt?.toISOString() ?? null,
          revokedAt: row.agent.revokedAt?.toISOString() ?? null,
        }
      : null,
    pendingEnrollmentExpiresAt:
      pending && pending.expiresAt > now ? pending.expiresAt.toISOString() : null,
    tunnel: await tunnelStatusOf(registry, row.id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};
