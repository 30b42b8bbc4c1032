import { defineDeleteTask } from '../../tasks/define-delete-task';
import { networkOf } from '../../../cloud/sub-port';

/** port.delete: idempotent delete. */
export const portDelete = defineDeleteTask({
  action: 'port.delete',
  kind: 'port',
  noun: 'port',
  submit: (rt, id) => networkOf(rt.provider).deletePort(rt.scope, id, rt.call),
  submitted: 'deleted in the cloud',
});
