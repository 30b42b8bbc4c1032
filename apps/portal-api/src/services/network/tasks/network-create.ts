import { defineTask } from '../../tasks/task-definition';
import { networkSeen } from '../network-observations';
import { createNetworkInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** network.create: one Neutron call, then the mirror row. */
export const networkCreate = defineTask({
  action: 'network.create',
  input: createNetworkInput,
  steps: neutronSteps,
  async run(rt) {
    const spec = rt.input;
    const network = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).createNetwork(rt.scope, spec, rt.call)),
      { detail: (n) => m('created-id', { kind: 'network', name: n.name, id: n.externalId }) },
    );
    await rt.setTarget(network.externalId);
    const resourceId = await rt.observe(networkSeen(network));
    const kind = network.external ? 'external' : network.shared ? 'shared' : 'tenant';
    return {
      detail: m('network-status', { scope: kind, name: network.name, status: network.status }),
      resourceId,
    };
  },
});
