import { type AgentKeyRecord, type TunnelKeys, agentKeyRecordSchema } from '@yunguan/contract';
import type { Redis } from 'ioredis';

/** The enrolled agent behind a key fingerprint, or null when the key is unknown. */
export const findAgentKey = async (
  redis: Redis,
  keys: TunnelKeys,
  fingerprint: string,
): Promise<AgentKeyRecord | null> => {
  const raw = await redis.get(keys.agentKey(fingerprint));
  if (raw === null) return null;
  const parsed = agentKeyRecordSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new Error(`malformed agent key record for ${fingerprint}: ${parsed.error.message}`);
  }
  return parsed.data;
};
