import { z } from 'zod';
import { lbChangeHandler } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';

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
  detail: (i) => `member ${i.address}:${i.protocolPort} (weight ${i.weight})`,
});
