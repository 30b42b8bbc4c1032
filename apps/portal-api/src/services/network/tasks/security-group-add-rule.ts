import type { CreateSecurityGroupRuleSpec } from '@yunguan/cloud-core';
import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { securityGroupSeen } from '../network-observations';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** security-group.add-rule: one rule (not repeated; a duplicate is refused in the cloud's words). */
export const securityGroupAddRule: ResourceTaskHandler = {
  action: 'security-group.add-rule',
  steps: neutronSteps,
  async run(rt) {
    const id = rt.task().targetExternalId!;
    const { rule, summary } = rt.input as { rule: CreateSecurityGroupRuleSpec; summary: string };
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
      { detail: (r) => `rule ${r.externalId}: ${summary}` },
    );
    const group = await networkOf(rt.provider).getSecurityGroup(rt.scope, id, rt.call);
    const resourceId = await rt.observe(securityGroupSeen(group));
    return { detail: `${group.name}: ${summary}`, resourceId };
  },
};
