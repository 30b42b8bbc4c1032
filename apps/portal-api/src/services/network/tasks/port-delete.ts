import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** port.delete: idempotent delete. */
export const portDelete: ResourceTaskHandler = {
  action: 'port.delete',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deletePort(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => 'deleted in the cloud' },
    );
    await rt.observeGone('port', id);
    return { detail: `port ${rt.task().targetName} deleted` };
  },
};
