import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({ newSizeGb: z.number().int().positive() });

/** volume.extend: submit → wait until available at the new size (error_extending fails) → record. */
export const extendVolumeTask = defineTask({
  action: 'volume.extend',
  input,
  async run(rt) {
    const { newSizeGb } = rt.input;
    const externalId = rt.target();
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).extendVolume(rt.scope, externalId, newSizeGb, rt.call);
        return null;
      },
      { detail: () => m('extend-to', { sizeGb: newSizeGb }) },
    );
    const seen = await rt.waitUntil(
      'wait',
      observing(rt, 'volume', () =>
        blockStorageOf(rt.provider).getVolume(rt.scope, externalId, rt.call),
      ),
      (v) => {
        if (v.status.startsWith('error'))
          return { state: 'failed', reason: `volume ${v.name} went to status ${v.status}` };
        if (v.status === 'available' && v.sizeGb >= newSizeGb)
          return { state: 'done', detail: m('size', { sizeGb: v.sizeGb }) };
        return {
          state: 'pending',
          detail: m('status-size', { kind: 'volume', status: v.status, sizeGb: v.sizeGb }),
        };
      },
    );
    const resourceId = await record(rt, 'volume', seen);
    return {
      detail: m('size-of', { kind: 'volume', name: seen.name, sizeGb: seen.sizeGb }),
      resourceId,
    };
  },
});
