import { defineTask, noInput } from '../../tasks/task-definition';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';

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
      { resend: true, detail: () => 'deleting' },
    );
    await rt.waitUntil(
      'wait',
      observing(rt, 'volume-backup', () =>
        orGone(() => blockStorageOf(rt.provider).getVolumeBackup(rt.scope, externalId, rt.call)),
      ),
      untilGone('backup'),
    );
    await rt.observeGone('volume-backup', externalId);
    return { detail: `backup ${rt.task().targetName ?? externalId} deleted` };
  },
});
