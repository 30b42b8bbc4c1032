import { defineTask } from '../../tasks/task-definition';
import { observeFloatingIp } from './observe-floating-ip';
import { createFloatingIpInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

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
      { detail: (f) => `${f.floatingIpAddress} allocated from ${input.networkName}` },
    );
    await rt.setTarget(fip.externalId);
    const resourceId = await observeFloatingIp(rt, fip, null);
    return { detail: `floating IP ${fip.floatingIpAddress} is ${fip.status}`, resourceId };
  },
});
