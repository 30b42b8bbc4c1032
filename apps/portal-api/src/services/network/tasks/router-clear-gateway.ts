import { defineTask, noInput } from '../../tasks/task-definition';
import { routerSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** router.clear-gateway: one PUT (repeatable), then the router as the cloud has it. */
export const routerClearGateway = defineTask({
  action: 'router.clear-gateway',
  input: noInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const router = await rt.step(
      'submit',
      async () =>
        stored(await networkOf(rt.provider).setRouterGateway(rt.scope, id, null, rt.call)),
      { resend: true, detail: () => m('gateway-cleared') },
    );
    const resourceId = await rt.observe(routerSeen(router));
    return { detail: m('router-no-gateway', { router: router.name }), resourceId };
  },
});
