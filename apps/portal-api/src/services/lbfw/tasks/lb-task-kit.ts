import type { LoadBalancerDto } from '@yunguan/cloud-core';
import type { ResourceTaskAction } from '@yunguan/contract';
import type { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import {
  defineTask,
  type Judgement,
  type TaskDefinition,
  type StepResult,
  type TaskRun,
} from '../../tasks/task-definition';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m, type StepMessage } from '@yunguan/contract';

const statusParams = (lb: LoadBalancerDto) => ({
  provisioning: lb.provisioningStatus,
  operating: lb.operatingStatus,
});
const statusWords = (lb: LoadBalancerDto) =>
  `provisioning ${lb.provisioningStatus}, operating ${lb.operatingStatus}`;

/** ACTIVE is done, ERROR failed (in words), PENDING_* still going. */
export const judgeLoadBalancer = (lb: LoadBalancerDto): Judgement => {
  if (lb.provisioningStatus === 'ACTIVE')
    return { state: 'done', detail: m('lb-status', statusParams(lb)) };
  if (lb.provisioningStatus === 'ERROR')
    return {
      state: 'failed',
      reason: `load balancer ${lb.name} went into ERROR (${statusWords(lb)})`,
    };
  return { state: 'pending', detail: m('lb-status', statusParams(lb)) };
};

/**
 * Watch a load balancer until it is ACTIVE again, writing each new status to the mirror so the
 * pages show PENDING_* live. Returns the load balancer as last seen.
 */
export const waitForLoadBalancer = async (
  rt: TaskRun<unknown>,
  externalId: string,
): Promise<LoadBalancerDto> => {
  let written = '';
  const look = async () => {
    const lb = await loadBalancingOf(rt.provider).getLoadBalancer(rt.scope, externalId, rt.call);
    const words = `${statusWords(lb)} ${lb.updatedAt ?? ''}`;
    if (words !== written) {
      await rt.observe(observationOf('load-balancer', lb));
      written = words;
    }
    return lb;
  };
  return rt.waitUntil('wait', look, judgeLoadBalancer);
};

/**
 * A change to a load balancer's parts: submit (once) → wait until ACTIVE → record. `remove`
 * changes are idempotent deletes in the port, so they are resent after an interruption.
 */
export const lbChangeHandler = <S extends z.ZodType>(def: {
  action: ResourceTaskAction;
  input: S;
  remove?: boolean;
  submit: (rt: TaskRun<unknown>, lbExternalId: string, input: z.output<S>) => Promise<StepResult>;
  detail: (input: z.output<S>) => StepMessage;
}): TaskDefinition<z.output<S>> =>
  defineTask({
    action: def.action,
    input: def.input,
    async run(rt) {
      const { input } = rt;
      const lbId = rt.target();
      await rt.step('submit', () => def.submit(rt, lbId, input), { resend: def.remove === true });
      const lb = await waitForLoadBalancer(rt, lbId);
      const resourceId = await rt.observe(observationOf('load-balancer', lb));
      const said = def.detail(input);
      return {
        detail: { key: said.key, params: { ...said.params, ...statusParams(lb) } },
        resourceId,
      };
    },
  });
