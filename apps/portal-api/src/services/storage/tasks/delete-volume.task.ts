import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';

/** volume.delete: submit (idempotent) → wait until gone → mark the row deleted. */
export const deleteVolumeTask = defineDeleteTask({
  action: 'volume.delete',
  kind: 'volume',
  submit: (rt, id) => blockStorageOf(rt.provider).deleteVolume(rt.scope, id, rt.call),
  submitted: m('deleting'),
  until: (rt, id) => ({
    look: observing(rt, 'volume', () =>
      orGone(() => blockStorageOf(rt.provider).getVolume(rt.scope, id, rt.call)),
    ),
    judge: untilGone('volume'),
  }),
});
