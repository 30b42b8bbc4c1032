import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { observing, orGone, targetOf, untilGone } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';

/** volume.delete: submit (idempotent, may be resent) → wait until gone → mark the row deleted. */
export const deleteVolumeTask: ResourceTaskHandler = {
  action: 'volume.delete',
  async run(rt) {
    const externalId = targetOf(rt);
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).deleteVolume(rt.scope, externalId, rt.call);
        return null;
      },
      { resend: true, detail: () => 'deleting' },
    );
    await rt.waitUntil(
      'wait',
      observing(rt, 'volume', () =>
        orGone(() => blockStorageOf(rt.provider).getVolume(rt.scope, externalId, rt.call)),
      ),
      untilGone('volume'),
    );
    await rt.observeGone('volume', externalId);
    return { detail: `volume ${rt.task().targetName ?? externalId} deleted` };
  },
};
