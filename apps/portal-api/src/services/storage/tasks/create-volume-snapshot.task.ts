import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record, untilStatus } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  volumeExternalId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  force: z.boolean(),
});

/** volume-snapshot.create: submit → wait until available (error fails) → record. */
export const createVolumeSnapshotTask = defineTask({
  action: 'volume-snapshot.create',
  input,
  async run(rt) {
    const given = rt.input;
    const externalId = await rt.step(
      'submit',
      async () => {
        const created = await blockStorageOf(rt.provider).createVolumeSnapshot(
          rt.scope,
          {
            volumeExternalId: given.volumeExternalId,
            name: given.name,
            force: given.force,
            ...(given.description !== undefined ? { description: given.description } : {}),
          },
          rt.call,
        );
        await rt.setTarget(created.externalId);
        await record(rt, 'volume-snapshot', created);
        return created.externalId;
      },
      { detail: (id) => m('submitted', { kind: 'volume-snapshot', id }) },
    );
    await rt.setTarget(externalId);
    const seen = await rt.waitUntil(
      'wait',
      observing(rt, 'volume-snapshot', () =>
        blockStorageOf(rt.provider).getVolumeSnapshot(rt.scope, externalId, rt.call),
      ),
      untilStatus('snapshot', 'available'),
    );
    const resourceId = await record(rt, 'volume-snapshot', seen);
    return {
      detail: m('status-of-size', {
        kind: 'volume-snapshot',
        name: seen.name,
        status: 'available',
        sizeGb: seen.sizeGb,
      }),
      resourceId,
    };
  },
});
