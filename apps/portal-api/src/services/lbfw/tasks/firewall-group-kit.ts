import type { FirewallGroupDto } from '@yunguan/cloud-core';
import { observationOf } from '../../resources/observation-of';
import type { Judgement, TaskRun } from '../../tasks/task-definition';
import { firewallOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** PENDING_* still going; ERROR failed; ACTIVE, INACTIVE (no ports) and DOWN are settled. */
export const judgeFirewallGroup = (group: FirewallGroupDto): Judgement => {
  if (group.status === 'ERROR')
    return { state: 'failed', reason: `firewall group ${group.name} went into ERROR` };
  const detail = m('status', { kind: 'firewall-group', status: group.status });
  if (group.status.startsWith('PENDING')) return { state: 'pending', detail };
  return { state: 'done', detail };
};

/** Watch a firewall group until it settles; each new status goes to the mirror at once. */
export const waitForFirewallGroup = async (
  rt: TaskRun<unknown>,
  externalId: string,
): Promise<FirewallGroupDto> => {
  let written = '';
  return rt.waitUntil(
    'wait',
    async () => {
      const group = await firewallOf(rt.provider).getFirewallGroup(rt.scope, externalId, rt.call);
      if (group.status !== written) {
        await rt.observe(observationOf('firewall-group', group));
        written = group.status;
      }
      return group;
    },
    judgeFirewallGroup,
  );
};

export const groupWords = (g: FirewallGroupDto) =>
  m('fwg-status', {
    name: g.name,
    status: g.status,
    ports: g.portExternalIds.length,
    ingress: g.ingressPolicyExternalId ? 'policy' : 'none',
    egress: g.egressPolicyExternalId ? 'policy' : 'none',
  });
