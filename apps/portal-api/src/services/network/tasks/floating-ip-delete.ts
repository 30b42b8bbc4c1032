import { defineDeleteTask } from '../../tasks/define-delete-task';
import { networkOf } from '../../../cloud/sub-port';

/** floating-ip.delete: release (idempotent). */
export const floatingIpDelete = defineDeleteTask({
  action: 'floating-ip.delete',
  kind: 'floating-ip',
  noun: 'floating IP',
  submit: (rt, id) => networkOf(rt.provider).releaseFloatingIp(rt.scope, id, rt.call),
  submitted: 'released',
  done: 'released',
});
