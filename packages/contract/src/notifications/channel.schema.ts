import { z } from 'zod';
import { idSchema, nameSchema, timestamp } from '../common';
import { because } from './notification-messages';

/** Notification channels (M2.1, ADR 0119). Secrets are write-only: answers say `configured`. */
export const channelKinds = ['email', 'wecom-robot', 'wecom-app', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const localeSchema = z.enum(['zh-CN', 'en']);

const shown = (v: string) => (v.length > 80 ? `${v.slice(0, 80)}…` : v);
/** A trimmed string that must pass `ok`, else an issue with `reason` and the value. */
const checked = (reason: string, ok: (v: string) => boolean, max = 2048) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((v, ctx) => {
      if (!ok(v)) ctx.addIssue({ code: 'custom', ...because(reason, { value: shown(v) }) });
    });

const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
};
const EMAIL =
  /^[^\s@"<>()[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;
const WECOM_KEY = /^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$/;

export const emailAddress = checked('email_invalid', (v) => EMAIL.test(v), 254);
export const webhookUrl = checked('webhook_url_invalid', isHttpUrl);
export const baseUrl = checked('base_url_invalid', isHttpUrl, 512);

/** The robot key, or the whole webhook address a WeCom admin copies (its key= is taken). */
export const wecomRobotKey = z
  .string()
  .trim()
  .max(512)
  .transform((v) => {
    if (!v.includes('key=')) return v;
    try {
      return new URL(v).searchParams.get('key') ?? v;
    } catch {
      return v;
    }
  })
  .superRefine((v, ctx) => {
    if (!WECOM_KEY.test(v)) ctx.addIssue({ code: 'custom', ...because('wecom_key_invalid') });
  });

export const DEFAULT_WECOM_BASE_URL = 'https://qyapi.weixin.qq.com';

export const emailSettings = z.object({
  host: checked('smtp_host_invalid', (v) => HOST.test(v), 253),
  port: z.number().int().min(1).max(65535).default(587),
  security: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  username: z.string().trim().max(254).optional(),
  from: emailAddress,
  tlsCa: checked(
    'pem_invalid',
    (v) => v.startsWith('-----BEGIN CERTIFICATE-----'),
    20_000,
  ).optional(),
});
export const emailSecret = z.object({ password: z.string().min(1).max(512).optional() });

export const wecomRobotSettings = z.object({
  baseUrl: baseUrl.default(DEFAULT_WECOM_BASE_URL),
  mentionAll: z.boolean().default(false),
});
export const wecomRobotSecret = z.object({ key: wecomRobotKey });

export const wecomAppSettings = z.object({
  baseUrl: baseUrl.default(DEFAULT_WECOM_BASE_URL),
  corpId: checked('wecom_corp_id_invalid', (v) => /^w[wx][0-9A-Za-z]{6,30}$/.test(v), 64),
  agentId: z.number().int().min(1).max(2_147_483_647),
  toParty: z
    .string()
    .trim()
    .max(255)
    .superRefine((v, ctx) => {
      if (v !== '' && !/^\d+(\|\d+)*$/.test(v))
        ctx.addIssue({ code: 'custom', ...because('wecom_party_invalid') });
    })
    .optional(),
});
export const wecomAppSecret = z.object({ secret: z.string().trim().min(1).max(256) });

export const webhookSettings = z.object({ url: webhookUrl });
export const webhookSecret = z.object({
  secret: z
    .string()
    .max(256)
    .superRefine((v, ctx) => {
      if (v.length < 16) ctx.addIssue({ code: 'custom', ...because('webhook_secret_short') });
    }),
});

/** Settings and secret schemas by kind (the portal re-parses stored rows with them). */
export const channelSchemas = {
  email: { settings: emailSettings, secret: emailSecret },
  'wecom-robot': { settings: wecomRobotSettings, secret: wecomRobotSecret },
  'wecom-app': { settings: wecomAppSettings, secret: wecomAppSecret },
  webhook: { settings: webhookSettings, secret: webhookSecret },
} as const;

const common = {
  name: nameSchema,
  locale: localeSchema.default('zh-CN'),
  ratePerMinute: z.number().int().min(1).max(600).default(60),
  enabled: z.boolean().default(true),
};
/** No projectId: a platform channel (platform admins); a projectId: that project's channel. */
export const channelInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    projectId: idSchema.optional(),
    ...common,
    settings: emailSettings,
    secret: emailSecret.default({}),
  }),
  z.object({
    kind: z.literal('wecom-robot'),
    projectId: idSchema.optional(),
    ...common,
    settings: wecomRobotSettings.default({ baseUrl: DEFAULT_WECOM_BASE_URL, mentionAll: false }),
    secret: wecomRobotSecret,
  }),
  z.object({
    kind: z.literal('wecom-app'),
    projectId: idSchema.optional(),
    ...common,
    settings: wecomAppSettings,
    secret: wecomAppSecret,
  }),
  z.object({
    kind: z.literal('webhook'),
    projectId: idSchema.optional(),
    ...common,
    settings: webhookSettings,
    secret: webhookSecret,
  }),
]);
export type ChannelInput = z.output<typeof channelInput>;

const commonUpdate = {
  name: nameSchema.optional(),
  locale: localeSchema.optional(),
  ratePerMinute: z.number().int().min(1).max(600).optional(),
  enabled: z.boolean().optional(),
};
/** The kind names the schemas (it cannot change); a secret left out keeps the stored one. */
export const channelUpdate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    ...commonUpdate,
    settings: emailSettings.optional(),
    secret: emailSecret.partial().optional(),
  }),
  z.object({
    kind: z.literal('wecom-robot'),
    ...commonUpdate,
    settings: wecomRobotSettings.optional(),
    secret: wecomRobotSecret.partial().optional(),
  }),
  z.object({
    kind: z.literal('wecom-app'),
    ...commonUpdate,
    settings: wecomAppSettings.optional(),
    secret: wecomAppSecret.partial().optional(),
  }),
  z.object({
    kind: z.literal('webhook'),
    ...commonUpdate,
    settings: webhookSettings.optional(),
    secret: webhookSecret.partial().optional(),
  }),
]);
export type ChannelUpdate = z.output<typeof channelUpdate>;

export const channelSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(channelKinds),
  scope: z.enum(['platform', 'project']),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  locale: localeSchema,
  ratePerMinute: z.number().int(),
  enabled: z.boolean(),
  /** The kind's plain settings (never a secret). */
  settings: z.record(z.string(), z.unknown()),
  /** Each secret field of the kind: whether it is set. Never the value. */
  secrets: z.record(z.string(), z.object({ configured: z.boolean() })),
  lastSentAt: timestamp.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Channel = z.infer<typeof channelSchema>;

export const channelListQuery = z.object({
  projectId: idSchema.optional(),
  kind: z.enum(channelKinds).optional(),
  q: z.string().trim().max(64).optional(),
});

/** Send a test: to an address / WeCom user id (default: the caller's own). */
export const channelTestInput = z.strictObject({
  to: z.string().trim().max(254).optional(),
  locale: localeSchema.optional(),
});
