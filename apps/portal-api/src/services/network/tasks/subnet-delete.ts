import { defineTask } from '../../tasks/task-definition';
import { deleteSubnetInput } from './network-task-inputs';
import { neutronSteps, observeNetworkOf } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** subnet.delete: idempotent delete, then its network again. */
export const subnetDelete = defineTask({
  action: 'subnet.delete',
  input: deleteSubnetInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteSubnet(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => m('deleted-in-cloud') },
    );
    await rt.observeGone('subnet', id);
    await observeNetworkOf(rt, rt.input.networkExternalId);
    return { detail: m('deleted', { kind: 'subnet', name: rt.task().targetName }) };
  },
});
