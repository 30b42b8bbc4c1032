import type { CreateFirewallPolicyInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { findObjectInPlace, placeForCreate } from './lbfw-place';

/**
 * Queue firewall-policy.create: the rules (mirror or cloud ids) must be the project's in the
 * same datacenter (404 otherwise); the task sends their cloud ids in the order given.
 */
export const createFirewallPolicy = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateFirewallPolicyInput,
): Promise<Task> => {
  const place = await placeForCreate(ctx, projectId, input, 'firewall-policy');
  if (place.earlier) return place.earlier;
  const rules = [];
  for (const id of input.ruleIds)
    rules.push(await findObjectInPlace(ctx, place, 'firewall-rule', id));
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-policy.create',
    targetName: input.name,
    input: {
      name: input.name,
      description: input.description ?? '',
      ruleExternalIds: rules.map((r) => r.externalId),
      audited: input.audited,
    },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
