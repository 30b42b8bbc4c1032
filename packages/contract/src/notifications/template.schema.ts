import { eventTypes } from '@yunguan/notifications/templates';
import { z } from 'zod';
import { idSchema, timestamp } from '../common';
import { localeSchema } from './channel.schema';
import { because } from './notification-messages';

export const eventTypeSchema = z
  .string()
  .trim()
  .max(64)
  .superRefine((v, ctx) => {
    if (!(eventTypes as readonly string[]).includes(v))
      ctx.addIssue({
        code: 'custom',
        ...because('event_type_unknown', { value: v.slice(0, 64), known: eventTypes.join(', ') }),
      });
  });

const text = (max: number) => z.string().max(max);
export const templateText = z.object({ subject: text(500).min(1), body: text(20_000).min(1) });

export const templateSchema = z.object({
  eventType: z.string(),
  locale: localeSchema,
  subject: z.string(),
  body: z.string(),
  /** true: the built-in text (no administrator change). */
  builtIn: z.boolean(),
  defaults: z.object({ subject: z.string(), body: z.string() }),
  updatedAt: timestamp.nullable(),
  updatedBy: z.string().nullable(),
});
export const eventTypeInfo = z.object({
  type: z.string(),
  variables: z.array(
    z.object({ name: z.string(), sample: z.string(), en: z.string(), zh: z.string() }),
  ),
  templates: z.array(templateSchema),
});
export type EventTypeInfo = z.infer<typeof eventTypeInfo>;

/** Path parameters: an unknown event type or language is a template that does not exist (404). */
export const templateParams = z.object({ eventType: idSchema, locale: idSchema });

export const previewInput = templateText.extend({
  eventType: eventTypeSchema,
  params: z.record(z.string().max(64), z.string().max(2000)).optional(),
});
export const previewSchema = z.object({ subject: z.string(), body: z.string() });
