import { defineTask, noInput } from '../../tasks/task-definition';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** volume-backup.delete: submit (idempotent) → wait until gone → mark the row deleted. */
export const deleteVolumeBackupTask = defineTask({
  action: 'volume-backup.delete',
  input: noInput,
  async run(rt) {
    const externalId = rt.target();
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).deleteVolumeBackup(rt.scope, externalId, rt.call);
        return null;
      },
      { resend: true, detail: () => m('deleting') },
    );
    await rt.waitUntil(
      'wait',
      observing(rt, 'volume-backup', () =>
        orGone(() => blockStorageOf(rt.provider).getVolumeBackup(rt.scope, externalId, rt.call)),
      ),
      untilGone('backup'),
    );
    await rt.observeGone('volume-backup', externalId);
    return {
      detail: m('deleted', { kind: 'volume-backup', name: rt.task().targetName ?? externalId }),
    };
  },
});
