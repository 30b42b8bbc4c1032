import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { observeFloatingIp } from './observe-floating-ip';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** floating-ip.remove-port-forwarding: idempotent delete, then the floating IP. */
export const floatingIpRemovePortForwarding: ResourceTaskHandler = {
  action: 'floating-ip.remove-port-forwarding',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    const forwarding = rt.input.portForwardingExternalId as string;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deletePortForwarding(rt.scope, id, forwarding, rt.call);
        return forwarding;
      },
      { resend: true, detail: () => `port forwarding ${forwarding} removed` },
    );
    const fip = await networkOf(rt.provider).getFloatingIp(rt.scope, id, rt.call);
    const resourceId = await observeFloatingIp(rt, fip, null);
    return { detail: `floating IP ${fip.floatingIpAddress}: forwarding removed`, resourceId };
  },
};
