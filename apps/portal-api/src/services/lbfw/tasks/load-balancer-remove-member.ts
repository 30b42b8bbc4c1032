import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const removeMemberTask = lbChangeHandler({
  action: 'load-balancer.remove-member',
  input: z.object({ poolExternalId: z.string(), memberExternalId: z.string(), part: z.string() }),
  remove: true,
  submit: async (rt, _lb, input) => {
    await loadBalancingOf(rt.provider).removePoolMember(
      rt.scope,
      input.poolExternalId,
      input.memberExternalId,
      rt.call,
    );
    return null;
  },
  detail: (i) => m('lb-part-removed', { part: 'member', name: i.part || i.memberExternalId }),
});
