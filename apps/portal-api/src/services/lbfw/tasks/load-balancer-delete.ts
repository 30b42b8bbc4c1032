import type { LoadBalancerDto } from '@yunguan/cloud-core';
import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { orGone } from '../../tasks/or-gone';
import { judgeLoadBalancer } from './lb-task-kit';
import { loadBalancingOf } from '../../../cloud/sub-port';

/** submit (cascade: listeners, pools, members, monitors) → wait until gone → record. */
export const deleteLoadBalancerTask = defineDeleteTask({
  action: 'load-balancer.delete',
  kind: 'load-balancer',
  submit: (rt, id) => loadBalancingOf(rt.provider).deleteLoadBalancer(rt.scope, id, rt.call),
  until: (rt, id) => ({
    look: () => orGone(() => loadBalancingOf(rt.provider).getLoadBalancer(rt.scope, id, rt.call)),
    judge: (lb: LoadBalancerDto | null) => {
      if (!lb || lb.provisioningStatus === 'DELETED') return { state: 'done', detail: m('gone') };
      const seen = judgeLoadBalancer(lb);
      return seen.state === 'failed'
        ? seen
        : {
            state: 'pending',
            detail: m('status', { kind: 'load-balancer', status: lb.provisioningStatus }),
          };
    },
  }),
  done: (name) => m('lb-deleted', { name }),
});
