import { defineTask } from '../../tasks/task-definition';
import { deleteNetworkInput } from './network-task-inputs';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** network.delete: idempotent delete; the network's subnets go with it (as in Neutron). */
export const networkDelete = defineTask({
  action: 'network.delete',
  input: deleteNetworkInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteNetwork(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => m('deleted-in-cloud') },
    );
    await rt.observeGone('network', id);
    const subnets = rt.input.subnetExternalIds ?? [];
    for (const subnet of subnets) await rt.observeGone('subnet', subnet);
    return { detail: m('deleted', { kind: 'network', name: rt.task().targetName }) };
  },
});
