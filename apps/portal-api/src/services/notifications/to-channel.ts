import type { Channel } from '@yunguan/contract';
import type { ChannelRow } from '../../repositories/notification-channel-repository';
import type { SecretBox } from '../../security/secret-box';
import { isChannelKind, openSecret, secretFields } from './channel-secrets';

/** A channel for an answer: plain settings, and for each secret field only whether it is set. */
export const toChannel = (box: SecretBox, row: ChannelRow): Channel => {
  const kind = isChannelKind(row.kind) ? row.kind : 'webhook';
  const secret = openSecret(box, row.secretSealed);
  return {
    id: row.id,
    name: row.name,
    kind,
    scope: row.projectId ? 'project' : 'platform',
    projectId: row.projectId,
    projectName: row.project?.name ?? null,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    ratePerMinute: row.ratePerMinute,
    enabled: row.enabled,
    settings: (row.settings ?? {}) as Record<string, unknown>,
    secrets: Object.fromEntries(
      secretFields[kind].map((f) => [
        f,
        { configured: typeof secret[f] === 'string' && secret[f] !== '' },
      ]),
    ),
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};
