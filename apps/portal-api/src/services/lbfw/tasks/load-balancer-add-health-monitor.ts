import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const addHealthMonitorTask = lbChangeHandler({
  action: 'load-balancer.add-health-monitor',
  input: z.object({
    poolExternalId: z.string(),
    type: z.enum(['HTTP', 'HTTPS', 'PING', 'TCP']),
    delaySeconds: z.number().int(),
    timeoutSeconds: z.number().int(),
    maxRetries: z.number().int(),
    urlPath: z.string().nullable(),
  }),
  submit: async (rt, _lb, input) =>
    (
      await loadBalancingOf(rt.provider).createHealthMonitor(
        rt.scope,
        {
          poolExternalId: input.poolExternalId,
          type: input.type,
          delaySeconds: input.delaySeconds,
          timeoutSeconds: input.timeoutSeconds,
          maxRetries: input.maxRetries,
          ...(input.urlPath ? { urlPath: input.urlPath } : {}),
        },
        rt.call,
      )
    ).externalId,
  detail: (i) =>
    m('lb-monitor', {
      type: i.type,
      delay: i.delaySeconds,
      timeout: i.timeoutSeconds,
      retries: i.maxRetries,
    }),
});
