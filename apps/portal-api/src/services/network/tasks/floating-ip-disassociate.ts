import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { observeFloatingIp } from './observe-floating-ip';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** floating-ip.disassociate: clear its port (repeatable). */
export const floatingIpDisassociate: ResourceTaskHandler = {
  action: 'floating-ip.disassociate',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    const fip = await rt.step(
      'submit',
      async () =>
        stored(await networkOf(rt.provider).disassociateFloatingIp(rt.scope, id, rt.call)),
      { resend: true, detail: (f) => `${f.floatingIpAddress} disassociated` },
    );
    const resourceId = await observeFloatingIp(rt, fip, null);
    return { detail: `floating IP ${fip.floatingIpAddress} points at no port`, resourceId };
  },
};
