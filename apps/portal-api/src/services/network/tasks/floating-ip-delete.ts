import { defineTask, noInput } from '../../tasks/task-definition';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** floating-ip.delete: release (idempotent). */
export const floatingIpDelete = defineTask({
  action: 'floating-ip.delete',
  input: noInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).releaseFloatingIp(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => m('released') },
    );
    await rt.observeGone('floating-ip', id);
    return { detail: m('released-of', { kind: 'floating-ip', name: rt.task().targetName }) };
  },
});
