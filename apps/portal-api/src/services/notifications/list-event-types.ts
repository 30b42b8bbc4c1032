import type { EventTypeInfo, Locale } from '@yunguan/contract';
import { assertHas, platformTarget } from '@yunguan/domain';
import { eventDefinitions } from '@yunguan/notifications/templates';
import { listTemplateRows } from '../../repositories/notification-template-repository';
import type { ServiceContext } from '../context';

const locales: Locale[] = ['zh-CN', 'en'];

/** Event types with their variables and both templates (platform administrators). */
export const listEventTypes = async (ctx: ServiceContext): Promise<{ items: EventTypeInfo[] }> => {
  assertHas(ctx.principal, 'notification.manage', platformTarget);
  const rows = await listTemplateRows(ctx.db);
  return {
    items: eventDefinitions.map((event) => ({
      type: event.type,
      variables: Object.entries(event.variables).map(([name, v]) => ({ name, ...v })),
      templates: locales.map((locale) => {
        const row = rows.find((r) => r.eventType === event.type && r.locale === locale);
        const defaults = event.defaults[locale];
        return {
          eventType: event.type,
          locale,
          subject: row?.subject ?? defaults.subject,
          body: row?.body ?? defaults.body,
          builtIn: !row,
          defaults,
          updatedAt: row?.updatedAt.toISOString() ?? null,
          updatedBy: row?.updatedBy ?? null,
        };
      }),
    })),
  };
};
