import { defineTask, noInput } from '../../tasks/task-definition';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** volume-snapshot.delete: submit (idempotent) → wait until gone → mark the row deleted. */
export const deleteVolumeSnapshotTask = defineTask({
  action: 'volume-snapshot.delete',
  input: noInput,
  async run(rt) {
    const externalId = rt.target();
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).deleteVolumeSnapshot(rt.scope, externalId, rt.call);
        return null;
      },
      { resend: true, detail: () => m('deleting') },
    );
    await rt.waitUntil(
      'wait',
      observing(rt, 'volume-snapshot', () =>
        orGone(() => blockStorageOf(rt.provider).getVolumeSnapshot(rt.scope, externalId, rt.call)),
      ),
      untilGone('snapshot'),
    );
    await rt.observeGone('volume-snapshot', externalId);
    return {
      detail: m('deleted', { kind: 'volume-snapshot', name: rt.task().targetName ?? externalId }),
    };
  },
});
