import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { networkOf } from '../../../cloud/sub-port';

/** port.delete: idempotent delete. */
export const portDelete = defineDeleteTask({
  action: 'port.delete',
  kind: 'port',
  submit: (rt, id) => networkOf(rt.provider).deletePort(rt.scope, id, rt.call),
  submitted: m('deleted-in-cloud'),
});
