import type { SecurityGroupActionInput, Task } from '@yunguan/contract';
import { conflict, notFound, precondition } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { applyResourceObservation } from '../resources/apply-resource-observation';
import { findResourceFor } from '../resources/find-resource-for';
import { assertCapability, projectCloud } from '../project-cloud';
import { securityGroupSeen } from './network-observations';
import { queueOnResource } from './queue-on-resource';
import { describeRule, ruleSpecOf, sameRule } from './security-group-rule-spec';
import { findTaskTarget } from '../resources/task-target';
import { networkOf } from '../../cloud/sub-port';

/**
 * add-rule and remove-rule on a security group (a task each), checked against the group as the
 * cloud has it now (the mirror row is refreshed): a rule the group already has is 409
 * security_group_rule_exists in Neutron's words; a rule to remove must be there.
 */
export const actOnSecurityGroup = async (
  ctx: ServiceContext,
  id: string,
  input: SecurityGroupActionInput,
): Promise<Task> => {
  const target = await findTaskTarget(
    ctx,
    'security-group',
    id,
    `security-group.${input.action}`,
    input.idempotencyKey,
  );
  if (target.earlier) return target.earlier;
  const { found } = target;
  const cloud = await projectCloud(ctx, found.project.id, found.row.datacenterId);
  await assertCapability(cloud, 'security-group.manage', `security-group.${input.action}`);
  const group = await cloud.call(() =>
    networkOf(cloud.provider).getSecurityGroup(cloud.scope, found.row.externalId, cloud.options),
  );
  await applyResourceObservation(ctx, found.row.datacenterId, securityGroupSeen(group));
  if (input.action === 'remove-rule') {
    const rule = group.rules.find((r) => r.externalId === input.ruleId);
    if (!rule)
      throw precondition('security_group_rule_unknown', {
        group: group.name,
        ruleId: input.ruleId,
      });
    return queueOnResource(
      ctx,
      found,
      'security-group.remove-rule',
      { ruleExternalId: rule.externalId, rule: describeRule(rule) },
      input.idempotencyKey,
    );
  }
  let remoteGroupExternalId: string | null = null;
  if (input.remoteGroupId) {
    const remote = await findResourceFor(
      ctx,
      'security-group',
      input.remoteGroupId,
      'resource.read',
    );
    if (
      remote.project.id !== found.project.id ||
      remote.row.datacenterId !== found.row.datacenterId
    )
      throw notFound('security-group', input.remoteGroupId);
    remoteGroupExternalId = remote.row.externalId;
  }
  const spec = ruleSpecOf(group.externalId, input, remoteGroupExternalId);
  const twin = group.rules.find((r) => sameRule(spec, r));
  if (twin)
    throw conflict('security_group_rule_exists', {
      ruleId: twin.externalId,
      rule: describeRule(twin),
      group: group.name,
    });
  return queueOnResource(
    ctx,
    found,
    'security-group.add-rule',
    { rule: { ...spec }, summary: describeRule(spec) },
    input.idempotencyKey,
  );
};
