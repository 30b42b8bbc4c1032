import { eventTypeSchema, idSchema, localeSchema, severitySchema } from '@yunguan/contract';
import { z } from 'zod';

/**
 * What alert rules, work orders and billing hand to notify(): the event, its values, the channels
 * and who should hear of it. Validated like any boundary input.
 */
export const notifyInput = z.object({
  eventType: eventTypeSchema,
  severity: severitySchema.default('info'),
  /** Template values; missing ones render empty. portalUrl and time have defaults. */
  params: z.record(z.string().max(64), z.string().max(4000)).default({}),
  channelIds: z.array(idSchema).min(1).max(50),
  recipients: z
    .object({
      userIds: z.array(idSchema).max(500).default([]),
      roles: z
        .array(
          z.object({
            roleId: z.string().min(1).max(64),
            departmentId: idSchema.optional(),
            projectId: idSchema.optional(),
          }),
        )
        .max(50)
        .default([]),
      departmentIds: z.array(idSchema).max(50).default([]),
      /** Extra email addresses (email channels only; the channel's language). */
      emails: z.array(z.string().email().max(254)).max(100).default([]),
      /** Extra WeCom user ids (WeCom application channels only). */
      wecomUserIds: z.array(z.string().max(64)).max(100).default([]),
      /** Language of the extra addresses and ids (default: the channel's). */
      locale: localeSchema.optional(),
    })
    .default({ userIds: [], roles: [], departmentIds: [], emails: [], wecomUserIds: [] }),
  /** Whose event it is: a project's channels may only carry that project's events. */
  projectId: idSchema.nullable().default(null),
  /** The same key reaches one recipient over one channel once (alert de-duplication). */
  dedupeKey: z.string().min(1).max(200).optional(),
});
export type NotifyInput = z.input<typeof notifyInput>;
