import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** network.delete: idempotent delete; the network's subnets go with it (as in Neutron). */
export const networkDelete: ResourceTaskHandler = {
  action: 'network.delete',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteNetwork(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => 'deleted in the cloud' },
    );
    await rt.observeGone('network', id);
    const subnets = (rt.input.subnetExternalIds as string[] | undefined) ?? [];
    for (const subnet of subnets) await rt.observeGone('subnet', subnet);
    return { detail: `network ${rt.task().targetName} deleted` };
  },
};
