import { channelSchemas, type ChannelKind } from '@yunguan/contract';
import type { ChannelConfig } from '@yunguan/notifications';
import type { ChannelRow } from '../../repositories/notification-channel-repository';
import type { SecretBox } from '../../security/secret-box';

/** The secret fields of each kind (what answers report as `configured`). */
export const secretFields: Record<ChannelKind, readonly string[]> = {
  email: ['password'],
  'wecom-robot': ['key'],
  'wecom-app': ['secret'],
  webhook: ['secret'],
};

export const isChannelKind = (kind: string): kind is ChannelKind => kind in channelSchemas;

/** Seal a kind's secret object (empty: nothing to store). */
export const sealSecret = (box: SecretBox, secret: Record<string, unknown>): string | null => {
  const present = Object.fromEntries(Object.entries(secret).filter(([, v]) => v !== undefined));
  return Object.keys(present).length === 0 ? null : box.seal(JSON.stringify(present));
};

export const openSecret = (box: SecretBox, sealed: string | null): Record<string, unknown> =>
  sealed ? (JSON.parse(box.open(sealed)) as Record<string, unknown>) : {};

/** A stored channel as the send code needs it: settings and secret re-parsed by the kind's schemas. */
export const channelConfigOf = (box: SecretBox, row: ChannelRow): ChannelConfig => {
  if (!isChannelKind(row.kind)) throw new Error(`unknown channel kind ${row.kind}`);
  const schemas = channelSchemas[row.kind];
  return {
    kind: row.kind,
    settings: schemas.settings.parse(row.settings),
    secret: schemas.secret.parse(openSecret(box, row.secretSealed)),
  } as ChannelConfig;
};
