import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

export const addMemberTask = lbChangeHandler({
  action: 'load-balancer.add-member',
  input: z.object({
    poolExternalId: z.string(),
    name: z.string().nullable(),
    address: z.string(),
    protocolPort: z.number().int(),
    weight: z.number().int(),
    subnetExternalId: z.string().nullable(),
  }),
  submit: async (rt, _lb, input) =>
    (
      await loadBalancingOf(rt.provider).addPoolMember(
        rt.scope,
        input.poolExternalId,
        {
          address: input.address,
          protocolPort: input.protocolPort,
          weight: input.weight,
          ...(input.name ? { name: input.name } : {}),
          ...(input.subnetExternalId ? { subnetExternalId: input.subnetExternalId } : {}),
        },
        rt.call,
      )
    ).externalId,
  detail: (i) => m('lb-member', { address: i.address, port: i.protocolPort, weight: i.weight }),
});
