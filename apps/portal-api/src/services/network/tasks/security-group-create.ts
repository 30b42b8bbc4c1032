import { defineTask } from '../../tasks/task-definition';
import { securityGroupSeen } from '../network-observations';
import { createSecurityGroupInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** security-group.create: the group (the cloud adds its egress rules), then the mirror row. */
export const securityGroupCreate = defineTask({
  action: 'security-group.create',
  input: createSecurityGroupInput,
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input;
    const group = await rt.step(
      'submit',
      async () =>
        stored(await networkOf(rt.provider).createSecurityGroup(rt.scope, input, rt.call)),
      { detail: (g) => m('sg-created', { name: g.name, rules: g.rules.length }) },
    );
    await rt.setTarget(group.externalId);
    const resourceId = await rt.observe(securityGroupSeen(group));
    return {
      detail: m('sg-status', { name: group.name, rules: group.rules.length }),
      resourceId,
    };
  },
});
