import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import { defineTask } from '../../tasks/task-definition';
import { waitForLoadBalancer } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  name: z.string(),
  description: z.string(),
  vipSubnetExternalId: z.string(),
  vipSubnetName: z.string(),
  vipAddress: z.string().optional(),
});

/** submit → wait until ACTIVE (PENDING_CREATE shown live; ERROR fails) → record. */
export const createLoadBalancerTask = defineTask({
  action: 'load-balancer.create',
  input,
  async run(rt) {
    const spec = rt.input;
    const created = await rt.step(
      'submit',
      async () => {
        const lb = await loadBalancingOf(rt.provider).createLoadBalancer(
          rt.scope,
          {
            name: spec.name,
            vipSubnetExternalId: spec.vipSubnetExternalId,
            ...(spec.description ? { description: spec.description } : {}),
            ...(spec.vipAddress ? { vipAddress: spec.vipAddress } : {}),
          },
          rt.call,
        );
        return { externalId: lb.externalId, vipAddress: lb.vipAddress };
      },
      { detail: (r) => m('lb-vip', { vip: r.vipAddress ?? '', subnet: spec.vipSubnetName }) },
    );
    await rt.setTarget(created.externalId);
    const lb = await waitForLoadBalancer(rt, created.externalId);
    const resourceId = await rt.observe(observationOf('load-balancer', lb));
    return {
      detail: m('lb-created', {
        name: lb.name,
        provisioning: lb.provisioningStatus,
        operating: lb.operatingStatus,
        vip: lb.vipAddress ?? '',
      }),
      resourceId,
    };
  },
});
