import { isCloudError, type LoadBalancerDto } from '@yunguan/cloud-core';
import { defineTask, noInput } from '../../tasks/task-definition';
import { judgeLoadBalancer } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** submit (cascade: listeners, pools, members, monitors) → wait until gone → record. */
export const deleteLoadBalancerTask = defineTask({
  action: 'load-balancer.delete',
  input: noInput,
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await loadBalancingOf(rt.provider).deleteLoadBalancer(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.waitUntil(
      'wait',
      async (): Promise<LoadBalancerDto | null> => {
        try {
          return await loadBalancingOf(rt.provider).getLoadBalancer(rt.scope, id, rt.call);
        } catch (error) {
          if (isCloudError(error) && error.kind === 'not-found') return null;
          throw error;
        }
      },
      (lb) => {
        if (!lb || lb.provisioningStatus === 'DELETED') return { state: 'done', detail: m('gone') };
        const seen = judgeLoadBalancer(lb);
        return seen.state === 'failed'
          ? seen
          : {
              state: 'pending',
              detail: m('status', { kind: 'load-balancer', status: lb.provisioningStatus }),
            };
      },
    );
    await rt.observeGone('load-balancer', id);
    return { detail: m('lb-deleted', { name: rt.task().targetName }) };
  },
});
