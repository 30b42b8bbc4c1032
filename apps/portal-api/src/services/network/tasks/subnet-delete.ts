import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { deleteSubnetInput } from './network-task-inputs';
import { observeNetworkOf } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';

/** subnet.delete: idempotent delete, then its network again. */
export const subnetDelete = defineDeleteTask({
  action: 'subnet.delete',
  kind: 'subnet',
  input: deleteSubnetInput,
  submit: (rt, id) => networkOf(rt.provider).deleteSubnet(rt.scope, id, rt.call),
  submitted: m('deleted-in-cloud'),
  after: (rt) => observeNetworkOf(rt, rt.input.networkExternalId),
});
