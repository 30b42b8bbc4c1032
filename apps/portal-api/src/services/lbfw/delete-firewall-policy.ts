import type { Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { placeForChange } from './lbfw-place';
import { firewallOf } from '../../cloud/sub-port';

/** Queue firewall-policy.delete; a policy a firewall group still uses is refused (409). */
export const deleteFirewallPolicy = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'firewall-policy', id, {
    idempotencyKey,
    action: 'firewall-policy.delete',
  });
  if (place.earlier) return place.earlier;
  const groups = await withCloudErrors(place.datacenter.name, () =>
    firewallOf(place.provider).listFirewallGroups(place.scope, { requestId: ctx.requestId }),
  );
  const policy = place.row.externalId;
  const user = groups.find(
    (g) => g.ingressPolicyExternalId === policy || g.egressPolicyExternalId === policy,
  );
  if (user) throw conflict('firewall_policy_in_use', { policy: place.row.name, group: user.name });
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-policy.delete',
    target: { externalId: policy, resourceId: place.row.id },
    targetName: place.row.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
