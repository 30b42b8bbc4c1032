import { defineTask } from '../../tasks/task-definition';
import { securityGroupSeen } from '../network-observations';
import { removeRuleInput } from './network-task-inputs';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** security-group.remove-rule: idempotent delete, then the group. */
export const securityGroupRemoveRule = defineTask({
  action: 'security-group.remove-rule',
  input: removeRuleInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const { ruleExternalId, rule } = rt.input;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).deleteSecurityGroupRule(rt.scope, ruleExternalId, rt.call);
        return ruleExternalId;
      },
      { resend: true, detail: () => m('rule-removed', { rule }) },
    );
    const group = await networkOf(rt.provider).getSecurityGroup(rt.scope, id, rt.call);
    const resourceId = await rt.observe(securityGroupSeen(group));
    return { detail: m('group-rule-removed', { group: group.name, rule }), resourceId };
  },
});
