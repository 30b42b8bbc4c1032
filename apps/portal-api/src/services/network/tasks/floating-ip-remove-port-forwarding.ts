import { defineTask } from '../../tasks/task-definition';
import { observeFloatingIp } from './observe-floating-ip';
import { removePortForwardingInput } from './network-task-inputs';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** floating-ip.remove-port-forwarding: idempotent delete, then the floating IP. */
export const floatingIpRemovePortForwarding = defineTask({
  action: 'floating-ip.remove-port-forwarding',
  input: removePortForwardingInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const forwarding = rt.input.portForwardingExternalId;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deletePortForwarding(rt.scope, id, forwarding, rt.call);
        return forwarding;
      },
      { resend: true, detail: () => m('pf-removed', { id: forwarding }) },
    );
    const fip = await networkOf(rt.provider).getFloatingIp(rt.scope, id, rt.call);
    const resourceId = await observeFloatingIp(rt, fip, null);
    return { detail: m('pf-removed-of', { ip: fip.floatingIpAddress }), resourceId };
  },
});
