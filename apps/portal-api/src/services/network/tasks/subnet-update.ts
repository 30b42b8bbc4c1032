import { defineTask } from '../../tasks/task-definition';
import { subnetSeen } from '../network-observations';
import { updateSubnetInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** subnet.update: one PUT (repeatable: the same values again), then the mirror row. */
export const subnetUpdate = defineTask({
  action: 'subnet.update',
  input: updateSubnetInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const patch = rt.input;
    const subnet = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).updateSubnet(rt.scope, id, patch, rt.call)),
      {
        resend: true,
        detail: (s) => `changed: ${Object.keys(patch).join(', ') || 'nothing'} on ${s.cidr}`,
      },
    );
    const resourceId = await rt.observe(subnetSeen(subnet));
    return { detail: `subnet ${subnet.name} ${subnet.cidr} updated`, resourceId };
  },
});
