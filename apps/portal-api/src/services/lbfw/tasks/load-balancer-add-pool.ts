import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const addPoolTask = lbChangeHandler({
  action: 'load-balancer.add-pool',
  input: z.object({
    name: z.string(),
    protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'UDP', 'PROXY']),
    lbAlgorithm: z.enum(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']),
    listenerExternalId: z.string().nullable(),
  }),
  submit: async (rt, lb, input) =>
    (
      await loadBalancingOf(rt.provider).createPool(
        rt.scope,
        {
          name: input.name,
          protocol: input.protocol,
          lbAlgorithm: input.lbAlgorithm,
          ...(input.listenerExternalId
            ? { listenerExternalId: input.listenerExternalId }
            : { loadBalancerExternalId: lb }),
        },
        rt.call,
      )
    ).externalId,
  detail: (i) => m('lb-pool', { name: i.name, protocol: i.protocol, algorithm: i.lbAlgorithm }),
});
