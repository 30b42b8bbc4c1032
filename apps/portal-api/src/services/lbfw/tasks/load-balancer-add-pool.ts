import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';

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
  detail: (i) => `pool ${i.name} (${i.protocol}, ${i.lbAlgorithm})`,
});
