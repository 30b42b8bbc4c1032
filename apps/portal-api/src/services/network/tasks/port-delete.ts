import { defineTask, noInput } from '../../tasks/task-definition';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** port.delete: idempotent delete. */
export const portDelete = defineTask({
  action: 'port.delete',
  input: noInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deletePort(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => m('deleted-in-cloud') },
    );
    await rt.observeGone('port', id);
    return { detail: m('deleted', { kind: 'port', name: rt.task().targetName }) };
  },
});
