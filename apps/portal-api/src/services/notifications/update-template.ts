import type { EventTypeInfo, Locale } from '@yunguan/contract';
import { assertHas, notFound, platformTarget } from '@yunguan/domain';
import { eventDefinition } from '@yunguan/notifications/templates';
import { inTransaction } from '../../repositories/db-client';
import {
  deleteTemplateRow,
  upsertTemplateRow,
} from '../../repositories/notification-template-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { assertTemplate } from './check-template';
import { listEventTypes } from './list-event-types';

type Template = EventTypeInfo['templates'][number];

const templateOf = async (
  ctx: ServiceContext,
  eventType: string,
  locale: Locale,
): Promise<Template> => {
  const event = (await listEventTypes(ctx)).items.find((e) => e.type === eventType);
  const template = event?.templates.find((t) => t.locale === locale);
  if (!template) throw new Error(`no template ${eventType}/${locale}`);
  return template;
};

/** Replace (text given) or reset (null) an event's template in one language. */
export const updateTemplate = async (
  ctx: ServiceContext,
  eventType: string,
  localeParam: string,
  text: { subject: string; body: string } | null,
): Promise<Template> => {
  assertHas(ctx.principal, 'notification.manage', platformTarget);
  if (!eventDefinition(eventType) || (localeParam !== 'zh-CN' && localeParam !== 'en'))
    throw notFound('notification template', `${eventType}/${localeParam}`);
  const locale: Locale = localeParam;
  if (text) assertTemplate(eventType, text);
  await inTransaction(ctx.db, async (tx) => {
    if (text)
      await upsertTemplateRow(tx, {
        eventType,
        locale,
        ...text,
        updatedBy: ctx.principal.username,
      });
    else await deleteTemplateRow(tx, eventType, locale);
    await recordAudit(tx, ctx, {
      action: text ? 'notification-template.update' : 'notification-template.reset',
      targetType: 'notification-template',
      targetId: `${eventType}/${locale}`,
      targetName: `${eventType}/${locale}`,
    });
  });
  return templateOf(ctx, eventType, locale);
};
