import type { FirewallGroupActionInput, Task } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import type { JsonInput } from '../../repositories/db-client';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { findObjectInPlace, placeForChange } from './lbfw-place';
import { resolveRouterPorts } from './resolve-router-ports';

/**
 * firewall-group.update: only what is given changes (a policy id replaces, null removes; the
 * port list is replaced). Policies and ports are checked like on create.
 */
export const actOnFirewallGroup = async (
  ctx: ServiceContext,
  id: string,
  input: FirewallGroupActionInput,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'firewall-group', id, {
    idempotencyKey: input.idempotencyKey,
    action: 'firewall-group.update',
  });
  if (place.earlier) return place.earlier;
  const patch: Record<string, JsonInput | null> = {};
  if (input.name !== undefined) patch.name = input.name;
  for (const [field, key] of [
    ['ingressPolicyId', 'ingressPolicyExternalId'],
    ['egressPolicyId', 'egressPolicyExternalId'],
  ] as const) {
    const ref = input[field];
    if (ref === null) patch[key] = null;
    else if (ref !== undefined)
      patch[key] = (await findObjectInPlace(ctx, place, 'firewall-policy', ref)).externalId;
  }
  if (input.portIds !== undefined)
    patch.portExternalIds = await resolveRouterPorts(ctx, place, input.portIds);
  if (input.adminStateUp !== undefined) patch.adminStateUp = input.adminStateUp;
  if (Object.keys(patch).length === 0)
    throw new DomainError('VALIDATION', 'nothing to update', {
      reason: 'firewall_group_nothing_to_update',
      issues: [{ path: 'action', message: 'give at least one field to update' }],
    });
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-group.update',
    target: { externalId: place.row.externalId, resourceId: place.row.id },
    targetName: place.row.name,
    input: { patch },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
