import type { CreatePortSpec } from '@yunguan/cloud-core';
import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { portSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** port.create: one Neutron call, then the mirror row. */
export const portCreate: ResourceTaskHandler = {
  action: 'port.create',
  steps: neutronSteps,
  async run(rt) {
    const spec = rt.input as CreatePortSpec;
    const port = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).createPort(rt.scope, spec, rt.call)),
      {
        detail: (p) =>
          `port ${p.name || p.externalId} ${p.fixedIps.map((f) => f.ipAddress).join(', ')} (${p.macAddress})`,
      },
    );
    await rt.setTarget(port.externalId);
    const resourceId = await rt.observe(portSeen(port));
    return { detail: `port ${port.name || port.externalId} is ${port.status}`, resourceId };
  },
};
