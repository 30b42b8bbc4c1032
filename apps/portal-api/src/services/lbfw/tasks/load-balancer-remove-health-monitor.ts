import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const removeHealthMonitorTask = lbChangeHandler({
  action: 'load-balancer.remove-health-monitor',
  input: z.object({
    poolExternalId: z.string(),
    healthMonitorExternalId: z.string(),
    part: z.string(),
  }),
  remove: true,
  submit: async (rt, _lb, input) => {
    await loadBalancingOf(rt.provider).deleteHealthMonitor(
      rt.scope,
      input.healthMonitorExternalId,
      rt.call,
    );
    return null;
  },
  detail: (i) => m('lb-part-removed', { part: 'monitor', name: i.part || i.poolExternalId }),
});
