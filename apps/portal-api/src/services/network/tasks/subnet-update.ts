import type { NetworkPort } from '@yunguan/cloud-core';
import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { subnetSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

type Patch = Parameters<NetworkPort['updateSubnet']>[2];

/** subnet.update: one PUT (repeatable: the same values again), then the mirror row. */
export const subnetUpdate: ResourceTaskHandler = {
  action: 'subnet.update',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    const patch = rt.input as Patch;
    const subnet = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).updateSubnet(rt.scope, id, patch, rt.call)),
      {
        resend: true,
        detail: (s) => `changed: ${Object.keys(patch).join(', ') || 'nothing'} on ${s.cidr}`,
      },
    );
    const resourceId = await rt.observe(subnetSeen(subnet));
    return { detail: `subnet ${subnet.name} ${subnet.cidr} updated`, resourceId };
  },
};
