import { issueText, subnetIssues, type Task, type UpdateSubnetInput } from '@yunguan/contract';
import type { SubnetDto } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/**
 * Change a subnet (task subnet.update). The patch is re-checked against the stored CIDR (the
 * contract does not know it): gateway and pools inside, pools clear of the gateway — the stored
 * gateway too when only the pools change.
 */
export const updateSubnet = async (
  ctx: ServiceContext,
  id: string,
  input: UpdateSubnetInput,
): Promise<Task> => {
  const target = await findTaskTarget(ctx, 'subnet', id, 'subnet.update', input.idempotencyKey);
  if (target.earlier) return target.earlier;
  const { found } = target;
  const stored = found.row.spec as unknown as SubnetDto;
  const { idempotencyKey, ...patch } = input;
  const issues = subnetIssues(
    {
      ...patch,
      ipVersion: stored.ipVersion,
      ...(patch.gatewayIp === undefined ? { gatewayIp: stored.gatewayIp } : {}),
    },
    stored.cidr,
  );
  const first = issues[0];
  if (first)
    throw new DomainError('VALIDATION', 'subnet patch does not fit its CIDR', {
      reason: first.reason,
      params: first.params,
      issues: issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        message: issueText(i),
      })),
    });
  return queueOnResource(ctx, found, 'subnet.update', { ...patch }, idempotencyKey);
};
