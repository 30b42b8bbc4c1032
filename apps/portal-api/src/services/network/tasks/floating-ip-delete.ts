import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { networkOf } from '../../../cloud/sub-port';

/** floating-ip.delete: release (idempotent). */
export const floatingIpDelete = defineDeleteTask({
  action: 'floating-ip.delete',
  kind: 'floating-ip',
  submit: (rt, id) => networkOf(rt.provider).releaseFloatingIp(rt.scope, id, rt.call),
  submitted: m('released'),
  done: (name) => m('released-of', { kind: 'floating-ip', name }),
});
