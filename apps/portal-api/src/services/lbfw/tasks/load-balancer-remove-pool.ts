import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const removePoolTask = lbChangeHandler({
  action: 'load-balancer.remove-pool',
  input: z.object({ poolExternalId: z.string(), part: z.string() }),
  remove: true,
  submit: async (rt, _lb, input) => {
    await loadBalancingOf(rt.provider).deletePool(rt.scope, input.poolExternalId, rt.call);
    return null;
  },
  detail: (i) => m('lb-part-removed', { part: 'pool', name: i.part || i.poolExternalId }),
});
