import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** floating-ip.delete: release (idempotent). */
export const floatingIpDelete: ResourceTaskHandler = {
  action: 'floating-ip.delete',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
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
};
