import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import { defineTask } from '../../tasks/task-definition';
import { firewallOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  name: z.string(),
  description: z.string(),
  protocol: z.enum(['tcp', 'udp', 'icmp']).nullable(),
  action: z.enum(['allow', 'deny', 'reject']),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  sourceIpAddress: z.string().nullable(),
  destinationIpAddress: z.string().nullable(),
  sourcePort: z.string().nullable(),
  destinationPort: z.string().nullable(),
  enabled: z.boolean(),
});

/** Neutron answers at once: submit → record. */
export const createFirewallRuleTask = defineTask({
  action: 'firewall-rule.create',
  input,
  steps: ['submit', 'record'],
  async run(rt) {
    const spec = rt.input;
    const rule = await rt.step('submit', async () => {
      const { description, ...rest } = spec;
      const dto = await firewallOf(rt.provider).createFirewallRule(
        rt.scope,
        { ...rest, ...(description ? { description } : {}) },
        rt.call,
      );
      return { ...dto };
    });
    await rt.setTarget(rule.externalId);
    const resourceId = await rt.observe(observationOf('firewall-rule', rule));
    const where = [
      rule.protocol ?? 'any',
      rule.destinationPort ? `port ${rule.destinationPort}` : '',
      rule.sourceIpAddress ? `from ${rule.sourceIpAddress}` : '',
    ].filter(Boolean);
    return {
      detail: m('fwr-created', { name: rule.name, action: rule.action, where: where.join(' ') }),
      resourceId,
    };
  },
});
