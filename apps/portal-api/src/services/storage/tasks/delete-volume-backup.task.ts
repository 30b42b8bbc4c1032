import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';

/** volume-backup.delete: submit (idempotent) → wait until gone → mark the row deleted. */
export const deleteVolumeBackupTask = defineDeleteTask({
  action: 'volume-backup.delete',
  kind: 'volume-backup',
  submit: (rt, id) => blockStorageOf(rt.provider).deleteVolumeBackup(rt.scope, id, rt.call),
  submitted: m('deleting'),
  until: (rt, id) => ({
    look: observing(rt, 'volume-backup', () =>
      orGone(() => blockStorageOf(rt.provider).getVolumeBackup(rt.scope, id, rt.call)),
    ),
    judge: untilGone('backup'),
  }),
});
