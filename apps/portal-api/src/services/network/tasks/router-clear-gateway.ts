import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { routerSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** router.clear-gateway: one PUT (repeatable), then the router as the cloud has it. */
export const routerClearGateway: ResourceTaskHandler = {
  action: 'router.clear-gateway',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    const router = await rt.step(
      'submit',
      async () =>
        stored(await networkOf(rt.provider).setRouterGateway(rt.scope, id, null, rt.call)),
      { resend: true, detail: () => 'gateway cleared' },
    );
    const resourceId = await rt.observe(routerSeen(router));
    return { detail: `router ${router.name} has no external gateway`, resourceId };
  },
};
