import { defineTask, noInput } from '../../tasks/task-definition';
import { observeFloatingIp } from './observe-floating-ip';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** floating-ip.disassociate: clear its port (repeatable). */
export const floatingIpDisassociate = defineTask({
  action: 'floating-ip.disassociate',
  input: noInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const fip = await rt.step(
      'submit',
      async () =>
        stored(await networkOf(rt.provider).disassociateFloatingIp(rt.scope, id, rt.call)),
      { resend: true, detail: (f) => m('fip-disassociated', { ip: f.floatingIpAddress }) },
    );
    const resourceId = await observeFloatingIp(rt, fip, null);
    return { detail: m('fip-unbound', { ip: fip.floatingIpAddress }), resourceId };
  },
});
