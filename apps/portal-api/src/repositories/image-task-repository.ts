import type { DbClient } from './db-client';
import type { TaskRow } from './task-repository';

/** The unfinished task on an image (at most one: the partial unique index of migration 0004). */
export const findActiveImageTask = (
  db: DbClient,
  datacenterId: string,
  imageExternalId: string,
): Promise<TaskRow | null> =>
  db.task.findFirst({
    where: {
      datacenterId,
      targetType: 'image',
      targetExternalId: imageExternalId,
      status: { in: ['queued', 'running'] },
    },
  });
