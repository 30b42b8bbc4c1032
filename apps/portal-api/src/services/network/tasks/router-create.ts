import type { CreateRouterSpec } from '@yunguan/cloud-core';
import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { routerSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

type Input = {
  name: string;
  description?: string;
  externalGateway?: { networkExternalId: string; networkName: string; enableSnat?: boolean };
};

/** router.create: the router (with its gateway when asked), then the mirror row. */
export const routerCreate: ResourceTaskHandler = {
  action: 'router.create',
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input as Input;
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
          `router ${r.name} created${gateway ? `, gateway on ${gateway.networkName}` : ''}`,
      },
    );
    await rt.setTarget(router.externalId);
    const resourceId = await rt.observe(routerSeen(router));
    return { detail: `router ${router.name} is ${router.status}`, resourceId };
  },
};
