import { defineTask } from '../../tasks/task-definition';
import { subnetSeen } from '../network-observations';
import { updateSubnetInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

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
        detail: (s) => m('subnet-changed', { fields: Object.keys(patch).join(', '), cidr: s.cidr }),
      },
    );
    const resourceId = await rt.observe(subnetSeen(subnet));
    return { detail: m('subnet-updated', { name: subnet.name, cidr: subnet.cidr }), resourceId };
  },
});
