import type { CreateVolumeSpec } from '@yunguan/cloud-core';
import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record, untilStatus } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  name: z.string(),
  description: z.string().optional(),
  sizeGb: z.number().int().positive(),
  volumeType: z.string().optional(),
  availabilityZone: z.string().optional(),
  source: z.discriminatedUnion('type', [
    z.object({ type: z.literal('empty') }),
    z.object({ type: z.literal('image'), imageExternalId: z.string() }),
    z.object({ type: z.literal('snapshot'), snapshotExternalId: z.string() }),
  ]),
});

/** volume.create: submit → wait until available (error fails in the cloud's words) → record. */
export const createVolumeTask = defineTask({
  action: 'volume.create',
  input,
  async run(rt) {
    const given = rt.input;
    const spec: CreateVolumeSpec = {
      name: given.name,
      sizeGb: given.sizeGb,
      source: given.source,
      ...(given.description !== undefined ? { description: given.description } : {}),
      ...(given.volumeType !== undefined ? { volumeType: given.volumeType } : {}),
      ...(given.availabilityZone !== undefined ? { availabilityZone: given.availabilityZone } : {}),
    };
    const externalId = await rt.step(
      'submit',
      async () => {
        const created = await blockStorageOf(rt.provider).createVolume(rt.scope, spec, rt.call);
        await rt.setTarget(created.externalId);
        await record(rt, 'volume', created);
        return created.externalId;
      },
      { detail: (id) => m('submitted', { kind: 'volume', id }) },
    );
    await rt.setTarget(externalId);
    const seen = await rt.waitUntil(
      'wait',
      observing(rt, 'volume', () =>
        blockStorageOf(rt.provider).getVolume(rt.scope, externalId, rt.call),
      ),
      untilStatus('volume', 'available'),
    );
    const resourceId = await record(rt, 'volume', seen);
    return {
      detail: m('status-of-size', {
        kind: 'volume',
        name: seen.name,
        status: 'available',
        sizeGb: seen.sizeGb,
      }),
      resourceId,
    };
  },
});
