import type { Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { placeForChange } from './lbfw-place';
import { firewallOf } from '../../cloud/sub-port';

/** Queue firewall-rule.delete; a rule a policy of the project still lists is refused (409). */
export const deleteFirewallRule = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'firewall-rule', id, {
    idempotencyKey,
    action: 'firewall-rule.delete',
  });
  if (place.earlier) return place.earlier;
  const policies = await withCloudErrors(place.datacenter.name, () =>
    firewallOf(place.provider).listFirewallPolicies(place.scope, { requestId: ctx.requestId }),
  );
  const user = policies.find((p) => p.ruleExternalIds.includes(place.row.externalId));
  if (user) throw conflict('firewall_rule_in_use', { rule: place.row.name, policy: user.name });
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-rule.delete',
    target: { externalId: place.row.externalId, resourceId: place.row.id },
    targetName: place.row.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
