import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record, untilStatus } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  volumeExternalId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  incremental: z.boolean(),
  force: z.boolean(),
});

/** volume-backup.create: submit → wait until available (error fails with the cloud's fail_reason) → record. */
export const createVolumeBackupTask = defineTask({
  action: 'volume-backup.create',
  input,
  async run(rt) {
    const given = rt.input;
    const externalId = await rt.step(
      'submit',
      async () => {
        const created = await blockStorageOf(rt.provider).createVolumeBackup(
          rt.scope,
          {
            volumeExternalId: given.volumeExternalId,
            name: given.name,
            incremental: given.incremental,
            force: given.force,
            ...(given.description !== undefined ? { description: given.description } : {}),
          },
          rt.call,
        );
        await rt.setTarget(created.externalId);
        await record(rt, 'volume-backup', created);
        return created.externalId;
      },
      { detail: (id) => m('submitted', { kind: 'volume-backup', id }) },
    );
    await rt.setTarget(externalId);
    const seen = await rt.waitUntil(
      'wait',
      observing(rt, 'volume-backup', () =>
        blockStorageOf(rt.provider).getVolumeBackup(rt.scope, externalId, rt.call),
      ),
      untilStatus('backup', 'available', (b) =>
        'failReason' in b && typeof b.failReason === 'string' && b.failReason ? b.failReason : null,
      ),
    );
    const resourceId = await record(rt, 'volume-backup', seen);
    return {
      detail: m('status-of-size', {
        kind: 'volume-backup',
        name: seen.name,
        status: 'available',
        sizeGb: seen.sizeGb,
      }),
      resourceId,
    };
  },
});
