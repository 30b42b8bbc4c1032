import { isCloudError } from '@yunguan/cloud-core';
import { defineTask } from '../../tasks/task-definition';
import { routerSeen } from '../network-observations';
import { routerInterfaceInput } from './network-task-inputs';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** router.remove-interface: repeatable (an interface already gone is fine), then the router. */
export const routerRemoveInterface = defineTask({
  action: 'router.remove-interface',
  input: routerInterfaceInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const input = rt.input;
    await rt.step(
      'submit',
      async () => {
        try {
          await networkOf(rt.provider).removeRouterInterface(
            rt.scope,
            id,
            input.subnetExternalId,
            rt.call,
          );
        } catch (error) {
          // A resent call after the first one went through: the interface is already gone.
          const gone =
            isCloudError(error) &&
            error.kind === 'not-found' &&
            !(await networkOf(rt.provider).getRouter(rt.scope, id, rt.call)).interfaces.some(
              (i) => i.subnetExternalId === input.subnetExternalId,
            );
          if (!gone) throw error;
        }
        return input.subnetExternalId;
      },
      { resend: true, detail: () => m('interface-removed', { subnet: input.subnetName }) },
    );
    const router = await networkOf(rt.provider).getRouter(rt.scope, id, rt.call);
    const resourceId = await rt.observe(routerSeen(router));
    return {
      detail: m('router-left-subnet', { router: router.name, subnet: input.subnetName }),
      resourceId,
    };
  },
});
