import { defineTask, noInput } from '../../tasks/task-definition';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

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
      { resend: true, detail: () => 'released' },
    );
    await rt.observeGone('floating-ip', id);
    return { detail: `floating IP ${rt.task().targetName} released` };
  },
});
