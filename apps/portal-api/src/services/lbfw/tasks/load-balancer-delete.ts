import type { LoadBalancerDto } from '@yunguan/cloud-core';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { orGone } from '../../tasks/or-gone';
import { judgeLoadBalancer } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';

/** submit (cascade: listeners, pools, members, monitors) → wait until gone → record. */
export const deleteLoadBalancerTask = defineDeleteTask({
  action: 'load-balancer.delete',
  kind: 'load-balancer',
  noun: 'load balancer',
  submit: (rt, id) => loadBalancingOf(rt.provider).deleteLoadBalancer(rt.scope, id, rt.call),
  until: (rt, id) => ({
    look: () => orGone(() => loadBalancingOf(rt.provider).getLoadBalancer(rt.scope, id, rt.call)),
    judge: (lb: LoadBalancerDto | null) => {
      if (!lb || lb.provisioningStatus === 'DELETED') return { state: 'done', detail: 'gone' };
      const seen = judgeLoadBalancer(lb);
      return seen.state === 'failed' ? seen : { state: 'pending', detail: lb.provisioningStatus };
    },
  }),
  done: 'deleted with its listeners and pools',
});
