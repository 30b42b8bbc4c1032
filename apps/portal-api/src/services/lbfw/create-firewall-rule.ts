import type { CreateFirewallRuleInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { placeForCreate } from './lbfw-place';

/** Queue firewall-rule.create: resource.use in the project, a datacenter with FWaaS. */
export const createFirewallRule = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateFirewallRuleInput,
): Promise<Task> => {
  const place = await placeForCreate(ctx, projectId, input, 'firewall-rule');
  if (place.earlier) return place.earlier;
  const { idempotencyKey, ...rule } = input;
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-rule.create',
    targetName: rule.name,
    input: {
      name: rule.name,
      description: rule.description ?? '',
      protocol: rule.protocol === 'any' ? null : rule.protocol,
      action: rule.action,
      ipVersion: rule.ipVersion,
      sourceIpAddress: rule.sourceIpAddress ?? null,
      destinationIpAddress: rule.destinationIpAddress ?? null,
      sourcePort: rule.sourcePort ?? null,
      destinationPort: rule.destinationPort ?? null,
      enabled: rule.enabled,
    },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
