import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { securityGroupSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** security-group.create: the group (the cloud adds its egress rules), then the mirror row. */
export const securityGroupCreate: ResourceTaskHandler = {
  action: 'security-group.create',
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input as { name: string; description?: string };
    const group = await rt.step(
      'submit',
      async () =>
        stored(await networkOf(rt.provider).createSecurityGroup(rt.scope, input, rt.call)),
      { detail: (g) => `group ${g.name} created with ${g.rules.length} rule(s)` },
    );
    await rt.setTarget(group.externalId);
    const resourceId = await rt.observe(securityGroupSeen(group));
    return { detail: `security group ${group.name} (${group.rules.length} rules)`, resourceId };
  },
};
