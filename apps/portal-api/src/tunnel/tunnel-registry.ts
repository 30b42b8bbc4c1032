import {
  agentKeyRecordSchema,
  allocatePortScript,
  gatewayAnnouncementSchema,
  tunnelHealthSchema,
  tunnelKeys,
  tunnelRecordSchema,
  type GatewayAnnouncement,
  type TunnelHealth,
  type TunnelRecord,
} from '@yunguan/contract';
import type { Redis } from 'ioredis';
import type { z } from 'zod';

/** portal-api's side of the tunnel registry in Redis (docs/adr/0101). Values are validated. */
export type TunnelRegistry = {
  readTunnel(
    datacenterId: string,
  ): Promise<{ record: TunnelRecord | null; health: TunnelHealth | null }>;
  listGateways(): Promise<GatewayAnnouncement[]>;
  allocatePort(datacenterId: string): Promise<number | null>;
  publishAgentKey(fingerprint: string, datacenterId: string, port: number): Promise<void>;
  /** Delete the key (when known) and tell every gateway to drop matching connections: by
   * datacenter (revocation, deletion) or only by the old key (re-enrollment). */
  revokeAgentKey(input: { datacenterId?: string; fingerprint?: string | null }): Promise<void>;
  releasePort(datacenterId: string, port: number | null): Promise<void>;
};

const parseJson = <S extends z.ZodType>(schema: S, raw: string | null): z.output<S> | null => {
  if (raw === null) return null;
  const parsed = schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
};

export const createTunnelRegistry = (
  redis: Redis,
  opts: { prefix: string; portRange: { first: number; last: number } },
): TunnelRegistry => {
  const keys = tunnelKeys(opts.prefix);
  return {
    async readTunnel(datacenterId) {
      const [record, health] = await redis.mget(
        keys.tunnel(datacenterId),
        keys.tunnelHealth(datacenterId),
      );
      return {
        record: parseJson(tunnelRecordSchema, record ?? null),
        health: parseJson(tunnelHealthSchema, health ?? null),
      };
    },
    async listGateways() {
      const found: GatewayAnnouncement[] = [];
      let cursor = '0';
      do {
        const [next, names] = await redis.scan(cursor, 'MATCH', keys.gatewayPattern, 'COUNT', 100);
        cursor = next;
        for (const raw of names.length ? await redis.mget(...names) : []) {
          const announcement = parseJson(gatewayAnnouncementSchema, raw ?? null);
          if (announcement) found.push(announcement);
        }
      } while (cursor !== '0');
      return found.sort((a, b) => a.gatewayId.localeCompare(b.gatewayId));
    },
    async allocatePort(datacenterId) {
      const port = Number(
        await redis.eval(
          allocatePortScript,
          1,
          keys.portOf(datacenterId),
          opts.prefix,
          datacenterId,
          opts.portRange.first,
          opts.portRange.last,
        ),
      );
      return port > 0 ? port : null;
    },
    async publishAgentKey(fingerprint, datacenterId, port) {
      const record = agentKeyRecordSchema.parse({ datacenterId, port, revoked: false });
      await redis.set(keys.agentKey(fingerprint), JSON.stringify(record));
    },
    async revokeAgentKey({ datacenterId, fingerprint }) {
      if (fingerprint) await redis.del(keys.agentKey(fingerprint));
      const message = {
        ...(datacenterId ? { datacenterId } : {}),
        ...(fingerprint ? { fingerprint } : {}),
      };
      if (Object.keys(message).length > 0)
        await redis.publish(keys.revocationsChannel, JSON.stringify(message));
    },
    async releasePort(datacenterId, port) {
      await redis.del(keys.portOf(datacenterId), ...(port ? [keys.portOwner(port)] : []));
    },
  };
};
