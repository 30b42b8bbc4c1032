import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';

/** volume-snapshot.delete: submit (idempotent) → wait until gone → mark the row deleted. */
export const deleteVolumeSnapshotTask = defineDeleteTask({
  action: 'volume-snapshot.delete',
  kind: 'volume-snapshot',
  submit: (rt, id) => blockStorageOf(rt.provider).deleteVolumeSnapshot(rt.scope, id, rt.call),
  submitted: m('deleting'),
  until: (rt, id) => ({
    look: observing(rt, 'volume-snapshot', () =>
      orGone(() => blockStorageOf(rt.provider).getVolumeSnapshot(rt.scope, id, rt.call)),
    ),
    judge: untilGone('snapshot'),
  }),
});
