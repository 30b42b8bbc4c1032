import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { deleteNetworkInput } from './network-task-inputs';
import { networkOf } from '../../../cloud/sub-port';

/** network.delete: idempotent delete; the network's subnets go with it (as in Neutron). */
export const networkDelete = defineDeleteTask({
  action: 'network.delete',
  kind: 'network',
  input: deleteNetworkInput,
  submit: (rt, id) => networkOf(rt.provider).deleteNetwork(rt.scope, id, rt.call),
  submitted: m('deleted-in-cloud'),
  async after(rt) {
    for (const subnet of rt.input.subnetExternalIds ?? []) await rt.observeGone('subnet', subnet);
  },
});
