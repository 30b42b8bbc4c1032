import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const addListenerTask = lbChangeHandler({
  action: 'load-balancer.add-listener',
  input: z.object({
    name: z.string(),
    protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'UDP']),
    protocolPort: z.number().int(),
    connectionLimit: z.number().int(),
    defaultPoolExternalId: z.string().nullable(),
  }),
  submit: async (rt, lb, input) =>
    (
      await loadBalancingOf(rt.provider).createListener(
        rt.scope,
        {
          loadBalancerExternalId: lb,
          name: input.name,
          protocol: input.protocol,
          protocolPort: input.protocolPort,
          connectionLimit: input.connectionLimit,
          ...(input.defaultPoolExternalId
            ? { defaultPoolExternalId: input.defaultPoolExternalId }
            : {}),
        },
        rt.call,
      )
    ).externalId,
  detail: (i) =>
    m('lb-listener', {
      name: i.name,
      protocol: i.protocol,
      port: i.protocolPort,
      limit: i.connectionLimit,
    }),
});
