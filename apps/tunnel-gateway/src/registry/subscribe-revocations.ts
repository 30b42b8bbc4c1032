import { type AgentRevocation, type TunnelKeys, agentRevocationSchema } from '@yunguan/contract';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** Listen for revocations on a dedicated subscriber connection. */
export const subscribeRevocations = async (
  subscriber: Redis,
  keys: TunnelKeys,
  log: Logger,
  onRevocation: (revocation: AgentRevocation) => void,
): Promise<void> => {
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== keys.revocationsChannel) return;
    let json: unknown;
    try {
      json = JSON.parse(message);
    } catch {
      log.warn({ channel }, 'ignored a revocation that is not JSON');
      return;
    }
    const parsed = agentRevocationSchema.safeParse(json);
    if (!parsed.success) {
      log.warn({ channel, issues: parsed.error.issues.length }, 'ignored a malformed revocation');
      return;
    }
    onRevocation(parsed.data);
  });
  await subscriber.subscribe(keys.revocationsChannel);
};
