import { z } from 'zod';
import { idSchema } from '../common';
import { sshFingerprintSchema } from './enroll-agent.contract';

/**
 * The tunnel registry shared by portal-api and tunnel-gateway through Redis.
 * docs/adr/0101-tunnel-registry-in-redis.md describes every key; this file is its code.
 * Every value is JSON and is parsed with these schemas on read.
 */
export const defaultTunnelKeyPrefix = 'yg:';

export type TunnelKeys = ReturnType<typeof tunnelKeys>;

export const tunnelKeys = (prefix: string = defaultTunnelKeyPrefix) => ({
  /** STRING JSON AgentKeyRecord; written by portal-api at enrollment, read by gateways at auth. */
  agentKey: (fingerprint: string) => `${prefix}agent-key:${fingerprint}`,
  /** STRING JSON TunnelRecord with a TTL; written by the gateway that holds the connection. */
  tunnel: (datacenterId: string) => `${prefix}tunnel:${datacenterId}`,
  /** STRING JSON TunnelHealth; written by the gateway prober every probe interval. */
  tunnelHealth: (datacenterId: string) => `${prefix}tunnel-health:${datacenterId}`,
  /** STRING port number; the datacenter's allocated port (stable across reconnects). */
  portOf: (datacenterId: string) => `${prefix}port-of:${datacenterId}`,
  /** STRING datacenter id; the owner of a port — makes allocation collision-free. */
  portOwner: (port: number) => `${prefix}port-owner:${port}`,
  /** Pub/sub: AgentRevocation messages; gateways disconnect matching agents at once. */
  revocationsChannel: `${prefix}agent-revocations`,
  /** Pub/sub: TunnelHealth messages on every state change, for live UIs. */
  statusChannel: `${prefix}tunnel-status`,
  /** STRING JSON GatewayAnnouncement with a TTL; each running gateway refreshes its own. */
  gateway: (gatewayId: string) => `${prefix}gateway:${gatewayId}`,
  /** Pattern for SCAN over every announced gateway. */
  gatewayPattern: `${prefix}gateway:*`,
});

export const agentKeyRecordSchema = z.object({
  datacenterId: idSchema,
  port: z.number().int().min(1).max(65535),
  revoked: z.boolean(),
});
export type AgentKeyRecord = z.infer<typeof agentKeyRecordSchema>;

export const tunnelRecordSchema = z.object({
  datacenterId: idSchema,
  gatewayId: z.string().min(1),
  /** Host the portal dials to reach the forwarded port (the gateway's internal address). */
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  connectedSince: z.iso.datetime(),
  /** Identifies one SSH connection; lets a gateway remove only its own entry. */
  sessionId: z.string().min(1),
  fingerprint: sshFingerprintSchema,
});
export type TunnelRecord = z.infer<typeof tunnelRecordSchema>;

export const tunnelStateSchema = z.enum(['online', 'degraded', 'offline']);
export type TunnelState = z.infer<typeof tunnelStateSchema>;

export const tunnelHealthSchema = z.object({
  datacenterId: idSchema,
  state: tunnelStateSchema,
  /** Round trip of GET /agent/healthz through the tunnel; null when offline. */
  latencyMs: z.number().nonnegative().nullable(),
  checkedAt: z.iso.datetime(),
  gatewayId: z.string().min(1).nullable(),
  /** Short reason when not online (no secrets, no bodies). */
  reason: z.string().max(200).nullable(),
});
export type TunnelHealth = z.infer<typeof tunnelHealthSchema>;

export const agentRevocationSchema = z
  .object({
    datacenterId: idSchema.optional(),
    fingerprint: sshFingerprintSchema.optional(),
  })
  .refine((m) => m.datacenterId !== undefined || m.fingerprint !== undefined, {
    message: 'name a datacenterId or a fingerprint',
  });
export type AgentRevocation = z.infer<typeof agentRevocationSchema>;

/**
 * Atomic port allocation (EVAL). KEYS[1] = portOf(datacenterId).
 * ARGV = prefix, datacenterId, firstPort, lastPort. Returns the datacenter's port (the existing
 * one if already allocated) or -1 when the range is full. Single-instance/Sentinel Redis only:
 * the script touches portOwner keys it builds itself.
 */
export const allocatePortScript = `
local existing = redis.call('GET', KEYS[1])
if existing then return tonumber(existing) end
local prefix = ARGV[1]
local dc = ARGV[2]
for p = tonumber(ARGV[3]), tonumber(ARGV[4]) do
  if redis.call('SET', prefix .. 'port-owner:' .. p, dc, 'NX') then
    redis.call('SET', KEYS[1], p)
    return p
  end
end
return -1
`;

/** Release (EVAL). KEYS[1] = portOf(datacenterId); ARGV = prefix, datacenterId. Returns the freed port or -1. */
export const releasePortScript = `
local existing = redis.call('GET', KEYS[1])
if not existing then return -1 end
local ownerKey = ARGV[1] .. 'port-owner:' .. existing
if redis.call('GET', ownerKey) == ARGV[2] then redis.call('DEL', ownerKey) end
redis.call('DEL', KEYS[1])
return tonumber(existing)
`;

/** Compare-and-delete (EVAL). KEYS[1] = tunnel(datacenterId); ARGV[1] = sessionId. */
export const removeTunnelScript = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, rec = pcall(cjson.decode, raw)
if ok and rec.sessionId == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * What a running gateway tells the portal about itself, so enrollment can answer with the
 * addresses agents dial and the host key they pin. Written with a TTL (gatewayAnnouncementTtlS)
 * and refreshed at a third of it; a stopped gateway disappears on its own.
 */
export const gatewayAnnouncementSchema = z.object({
  gatewayId: z.string().min(1),
  /** Address agents dial (not the bind address). */
  sshHost: z.string().min(1).max(253),
  sshPort: z.number().int().min(1).max(65535),
  hostKeyFingerprint: sshFingerprintSchema,
  startedAt: z.iso.datetime(),
  version: z.string().max(64),
});
export type GatewayAnnouncement = z.infer<typeof gatewayAnnouncementSchema>;
export const gatewayAnnouncementTtlS = 30;
