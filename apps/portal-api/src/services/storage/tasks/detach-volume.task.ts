import { z } from 'zod';
import { defineTask } from '../../tasks/task-definition';
import { observing, record } from './storage-task-kit';
import { blockStorageOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({ serverExternalId: z.string(), serverName: z.string() });

/** volume.detach (through Nova): submit → wait until off that server and settled → record. */
export const detachVolumeTask = defineTask({
  action: 'volume.detach',
  input,
  async run(rt) {
    const { serverExternalId, serverName } = rt.input;
    const externalId = rt.target();
    await rt.step(
      'submit',
      async () => {
        await blockStorageOf(rt.provider).detachVolume(
          rt.scope,
          externalId,
          serverExternalId,
          rt.call,
        );
        return null;
      },
      { detail: () => m('detach-from', { server: serverName }) },
    );
    const seen = await rt.waitUntil(
      'wait',
      observing(rt, 'volume', () =>
        blockStorageOf(rt.provider).getVolume(rt.scope, externalId, rt.call),
      ),
      (v) => {
        const still = v.attachments.some((a) => a.serverExternalId === serverExternalId);
        if (v.status.startsWith('error'))
          return { state: 'failed', reason: `volume ${v.name} went to status ${v.status}` };
        // available, or in-use when a multi-attach volume stays on other servers.
        if (!still && (v.status === 'available' || v.status === 'in-use'))
          return { state: 'done', detail: m('status', { kind: 'volume', status: v.status }) };
        return { state: 'pending', detail: m('status', { kind: 'volume', status: v.status }) };
      },
    );
    const resourceId = await record(rt, 'volume', seen);
    return { detail: m('detached', { name: seen.name, server: serverName }), resourceId };
  },
});
