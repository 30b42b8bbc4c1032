import { defineTask } from '../../tasks/task-definition';
import { observeFloatingIp } from './observe-floating-ip';
import { createFloatingIpInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** floating-ip.create: allocate one address, then the mirror row. */
export const floatingIpCreate = defineTask({
  action: 'floating-ip.create',
  input: createFloatingIpInput,
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input;
    const fip = await rt.step(
      'submit',
      async () =>
        stored(
          await networkOf(rt.provider).allocateFloatingIp(
            rt.scope,
            {
              networkExternalId: input.networkExternalId,
              ...(input.description ? { description: input.description } : {}),
            },
            rt.call,
          ),
        ),
      {
        detail: (f) => m('fip-allocated', { ip: f.floatingIpAddress, network: input.networkName }),
      },
    );
    await rt.setTarget(fip.externalId);
    const resourceId = await observeFloatingIp(rt, fip, null);
    return {
      detail: m('status-of', {
        kind: 'floating-ip',
        name: fip.floatingIpAddress,
        status: fip.status,
      }),
      resourceId,
    };
  },
});
