import { defineTask, noInput } from '../../tasks/task-definition';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** security-group.delete: idempotent delete (the cloud refuses while ports use the group). */
export const securityGroupDelete = defineTask({
  action: 'security-group.delete',
  input: noInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteSecurityGroup(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => m('deleted-in-cloud') },
    );
    await rt.observeGone('security-group', id);
    return { detail: m('deleted', { kind: 'security-group', name: rt.task().targetName }) };
  },
});
