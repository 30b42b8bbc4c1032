import { stepMessage as m } from '@yunguan/contract';
import { defineDeleteTask } from '../../tasks/define-delete-task';
import { networkOf } from '../../../cloud/sub-port';

/** router.delete: idempotent delete (the gateway goes with the router). */
export const routerDelete = defineDeleteTask({
  action: 'router.delete',
  kind: 'router',
  submit: (rt, id) => networkOf(rt.provider).deleteRouter(rt.scope, id, rt.call),
  submitted: m('deleted-in-cloud'),
});
