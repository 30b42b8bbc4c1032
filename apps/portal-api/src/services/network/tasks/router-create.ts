import type { CreateRouterSpec } from '@yunguan/cloud-core';
import { defineTask } from '../../tasks/task-definition';
import { routerSeen } from '../network-observations';
import { createRouterInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** router.create: the router (with its gateway when asked), then the mirror row. */
export const routerCreate = defineTask({
  action: 'router.create',
  input: createRouterInput,
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input;
    const gateway = input.externalGateway;
    const spec: CreateRouterSpec = {
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
      ...(gateway
        ? {
            externalGateway: {
              networkExternalId: gateway.networkExternalId,
              ...(gateway.enableSnat === undefined ? {} : { enableSnat: gateway.enableSnat }),
            },
          }
        : {}),
    };
    const router = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).createRouter(rt.scope, spec, rt.call)),
      {
        detail: (r) =>
          m('router-created', {
            name: r.name,
            ...(gateway ? { network: gateway.networkName } : {}),
          }),
      },
    );
    await rt.setTarget(router.externalId);
    const resourceId = await rt.observe(routerSeen(router));
    return {
      detail: m('status-of', { kind: 'router', name: router.name, status: router.status }),
      resourceId,
    };
  },
});
