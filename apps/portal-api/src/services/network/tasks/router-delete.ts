import { defineTask, noInput } from '../../tasks/task-definition';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

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
      { resend: true, detail: () => 'deleted in the cloud' },
    );
    await rt.observeGone('router', id);
    return { detail: `router ${rt.task().targetName} deleted` };
  },
});
