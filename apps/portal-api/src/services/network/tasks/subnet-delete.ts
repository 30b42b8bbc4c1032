import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { neutronSteps, observeNetworkOf } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** subnet.delete: idempotent delete, then its network again. */
export const subnetDelete: ResourceTaskHandler = {
  action: 'subnet.delete',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteSubnet(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => 'deleted in the cloud' },
    );
    await rt.observeGone('subnet', id);
    await observeNetworkOf(rt, rt.input.networkExternalId as string | null);
    return { detail: `subnet ${rt.task().targetName} deleted` };
  },
};
