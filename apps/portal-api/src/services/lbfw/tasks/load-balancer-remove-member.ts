import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';

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
  detail: (i) => `member ${i.part || i.memberExternalId} removed`,
});
