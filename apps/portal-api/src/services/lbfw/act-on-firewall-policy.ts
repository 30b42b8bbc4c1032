import type { FirewallPolicyActionInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { findObjectInPlace, placeForChange } from './lbfw-place';

/** firewall-policy.update: replace the policy's rules (the project's, in order). */
export const actOnFirewallPolicy = async (
  ctx: ServiceContext,
  id: string,
  input: FirewallPolicyActionInput,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'firewall-policy', id, {
    idempotencyKey: input.idempotencyKey,
    action: 'firewall-policy.update',
  });
  if (place.earlier) return place.earlier;
  const rules = [];
  for (const ruleId of input.ruleIds)
    rules.push(await findObjectInPlace(ctx, place, 'firewall-rule', ruleId));
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-policy.update',
    target: { externalId: place.row.externalId, resourceId: place.row.id },
    targetName: place.row.name,
    input: { ruleExternalIds: rules.map((r) => r.externalId) },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
