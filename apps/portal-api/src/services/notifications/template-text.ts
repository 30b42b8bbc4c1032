import type { Locale } from '@yunguan/contract';
import {
  eventDefinition,
  renderTemplate,
  type TemplateText,
} from '@yunguan/notifications/templates';
import type { DbClient } from '../../repositories/db-client';
import { findTemplateRow } from '../../repositories/notification-template-repository';

/** The text of an event in a language: the administrator's when set, else the built-in one. */
export const templateTextOf = async (
  db: DbClient,
  eventType: string,
  locale: Locale,
): Promise<TemplateText> => {
  const row = await findTemplateRow(db, eventType, locale);
  if (row) return { subject: row.subject, body: row.body };
  const event = eventDefinition(eventType);
  if (!event) throw new Error(`unknown event type ${eventType}`);
  return event.defaults[locale];
};

/** Render subject and body; a subject is one line. */
export const renderText = (text: TemplateText, params: Record<string, string>): TemplateText => ({
  subject: renderTemplate(text.subject, params)
    .replace(/\s*\n\s*/g, ' ')
    .trim(),
  body: renderTemplate(text.body, params),
});
