import type { DbClient } from './db-client';

export type TemplateRow = {
  eventType: string;
  locale: string;
  subject: string;
  body: string;
  updatedBy: string | null;
  updatedAt: Date;
};

export const listTemplateRows = (db: DbClient): Promise<TemplateRow[]> =>
  db.notificationTemplate.findMany();

export const findTemplateRow = (
  db: DbClient,
  eventType: string,
  locale: string,
): Promise<TemplateRow | null> =>
  db.notificationTemplate.findUnique({ where: { eventType_locale: { eventType, locale } } });

export const upsertTemplateRow = (
  db: DbClient,
  data: { eventType: string; locale: string; subject: string; body: string; updatedBy: string },
): Promise<TemplateRow> =>
  db.notificationTemplate.upsert({
    where: { eventType_locale: { eventType: data.eventType, locale: data.locale } },
    create: data,
    update: { subject: data.subject, body: data.body, updatedBy: data.updatedBy },
  });

export const deleteTemplateRow = async (
  db: DbClient,
  eventType: string,
  locale: string,
): Promise<void> => {
  await db.notificationTemplate.deleteMany({ where: { eventType, locale } });
};
