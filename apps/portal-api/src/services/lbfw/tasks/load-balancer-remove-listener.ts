import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const removeListenerTask = lbChangeHandler({
  action: 'load-balancer.remove-listener',
  input: z.object({ listenerExternalId: z.string(), part: z.string() }),
  remove: true,
  submit: async (rt, _lb, input) => {
    await loadBalancingOf(rt.provider).deleteListener(rt.scope, input.listenerExternalId, rt.call);
    return null;
  },
  detail: (i) => m('lb-part-removed', { part: 'listener', name: i.part || i.listenerExternalId }),
});
