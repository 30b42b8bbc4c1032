import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({ serverExternalId: z.string(), serverName: z.string() });

/** volume.attach (through Nova): submit → wait until in-use on that server → record the volume. */
export const attachVolumeTask = defineTask({
  action: 'volume.attach',
  input,
  async run(rt) {
    const { serverExternalId, serverName } = rt.input;
    const externalId = rt.target();
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).attachVolume(
          rt.scope,
          externalId,
          serverExternalId,
          rt.call,
        );
        return null;
      },
      { detail: () => m('attach-to', { server: serverName }) },
    );
    const seen = await rt.waitUntil(
      'wait',
      observing(rt, 'volume', () =>
        blockStorageOf(rt.provider).getVolume(rt.scope, externalId, rt.call),
      ),
      (v) => {
        const on = v.attachments.find((a) => a.serverExternalId === serverExternalId);
        if (v.status.startsWith('error'))
          return { state: 'failed', reason: `volume ${v.name} went to status ${v.status}` };
        if (v.status === 'in-use' && on)
          return {
            state: 'done',
            detail: m('attached-at', { server: serverName, device: on.device ?? '' }),
          };
        return { state: 'pending', detail: m('status', { kind: 'volume', status: v.status }) };
      },
    );
    const resourceId = await record(rt, 'volume', seen);
    const device = seen.attachments.find((a) => a.serverExternalId === serverExternalId)?.device;
    return {
      detail: m('attached', { name: seen.name, server: serverName, device: device ?? '' }),
      resourceId,
    };
  },
});
