import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { networkOf } from '../../../cloud/sub-port';

/** security-group.delete: idempotent delete (the cloud refuses while ports use the group). */
export const securityGroupDelete = defineDeleteTask({
  action: 'security-group.delete',
  kind: 'security-group',
  submit: (rt, id) => networkOf(rt.provider).deleteSecurityGroup(rt.scope, id, rt.call),
  submitted: m('deleted-in-cloud'),
});
