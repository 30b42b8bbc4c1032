import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { observeFloatingIp } from './observe-floating-ip';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

type Input = { networkExternalId: string; networkName: string; description?: string };

/** floating-ip.create: allocate one address, then the mirror row. */
export const floatingIpCreate: ResourceTaskHandler = {
  action: 'floating-ip.create',
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input as Input;
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
};
