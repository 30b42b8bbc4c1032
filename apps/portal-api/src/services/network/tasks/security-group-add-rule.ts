import { defineTask } from '../../tasks/task-definition';
import { securityGroupSeen } from '../network-observations';
import { addRuleInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** security-group.add-rule: one rule (not repeated; a duplicate is refused in the cloud's words). */
export const securityGroupAddRule = defineTask({
  action: 'security-group.add-rule',
  input: addRuleInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const { rule, summary } = rt.input;
    await rt.step(
      'submit',
      async () =>
        stored(
          await networkOf(rt.provider).createSecurityGroupRule(
            rt.scope,
            { ...rule, securityGroupExternalId: id },
            rt.call,
          ),
        ),
      { detail: (r) => m('rule-added', { id: r.externalId, summary }) },
    );
    const group = await networkOf(rt.provider).getSecurityGroup(rt.scope, id, rt.call);
    const resourceId = await rt.observe(securityGroupSeen(group));
    return { detail: m('group-rule', { group: group.name, summary }), resourceId };
  },
});
