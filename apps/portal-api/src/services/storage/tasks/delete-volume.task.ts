import { defineTask, noInput } from '../../tasks/task-definition';
import { observing, orGone, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** volume.delete: submit (idempotent, may be resent) → wait until gone → mark the row deleted. */
export const deleteVolumeTask = defineTask({
  action: 'volume.delete',
  input: noInput,
  async run(rt) {
    const externalId = rt.target();
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).deleteVolume(rt.scope, externalId, rt.call);
        return null;
      },
      { resend: true, detail: () => m('deleting') },
    );
    await rt.waitUntil(
      'wait',
      observing(rt, 'volume', () =>
        orGone(() => blockStorageOf(rt.provider).getVolume(rt.scope, externalId, rt.call)),
      ),
      untilGone('volume'),
    );
    await rt.observeGone('volume', externalId);
    return { detail: m('deleted', { kind: 'volume', name: rt.task().targetName ?? externalId }) };
  },
});
