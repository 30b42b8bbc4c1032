import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  volumeExternalId: z.string().optional(),
  volumeName: z.string().optional(),
  name: z.string().optional(),
});

/**
 * volume-backup.restore: submit → wait until the volume is available again (a new one is
 * mirrored as soon as it is known; error_restoring fails) → record the volume and the backup.
 */
export const restoreVolumeBackupTask = defineTask({
  action: 'volume-backup.restore',
  input,
  async run(rt) {
    const given = rt.input;
    const backupId = rt.target();
    const volumeExternalId = await rt.step(
      'submit',
      async () =>
        (
          await blockStorageOf(rt.provider).restoreVolumeBackup(
            rt.scope,
            backupId,
            {
              ...(given.volumeExternalId !== undefined
                ? { volumeExternalId: given.volumeExternalId }
                : {}),
              ...(given.name !== undefined ? { name: given.name } : {}),
            },
            rt.call,
          )
        ).volumeExternalId,
      { detail: (id) => m('restore-into', { volume: given.volumeName ?? id }) },
    );
    const lookVolume = observing(rt, 'volume', () =>
      blockStorageOf(rt.provider).getVolume(rt.scope, volumeExternalId, rt.call),
    );
    const lookBackup = observing(rt, 'volume-backup', () =>
      blockStorageOf(rt.provider).getVolumeBackup(rt.scope, backupId, rt.call),
    );
    const { volume, backup } = await rt.waitUntil(
      'wait',
      async () => ({ volume: await lookVolume(), backup: await lookBackup() }),
      ({ volume: v, backup: b }) => {
        if (v.status.startsWith('error'))
          return { state: 'failed', reason: `volume ${v.name} went to status ${v.status}` };
        if (v.status === 'available' && b.status === 'available')
          return { state: 'done', detail: m('object', { kind: 'volume', name: v.name }) };
        return {
          state: 'pending',
          detail: m('restore-progress', { volumeStatus: v.status, backupStatus: b.status }),
        };
      },
    );
    await record(rt, 'volume', volume);
    const resourceId = await record(rt, 'volume-backup', backup);
    return {
      detail: m('restored', { backup: backup.name, volume: volume.name, sizeGb: volume.sizeGb }),
      resourceId,
    };
  },
});
