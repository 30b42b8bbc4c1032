import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** security-group.delete: idempotent delete (the cloud refuses while ports use the group). */
export const securityGroupDelete: ResourceTaskHandler = {
  action: 'security-group.delete',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteSecurityGroup(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => 'deleted in the cloud' },
    );
    await rt.observeGone('security-group', id);
    return { detail: `security group ${rt.task().targetName} deleted` };
  },
};
