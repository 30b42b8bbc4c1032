import { defineTask, noInput } from '../../tasks/task-definition';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** router.delete: idempotent delete (the gateway goes with the router). */
export const routerDelete = defineTask({
  action: 'router.delete',
  input: noInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteRouter(rt.scope, id, rt.call);
        return id;
      },
      { resend: true, detail: () => m('deleted-in-cloud') },
    );
    await rt.observeGone('router', id);
    return { detail: m('deleted', { kind: 'router', name: rt.task().targetName }) };
  },
});
