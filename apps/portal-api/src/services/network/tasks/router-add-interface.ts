import { defineTask } from '../../tasks/task-definition';
import { routerSeen } from '../network-observations';
import { routerInterfaceInput } from './network-task-inputs';
import { neutronSteps } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** router.add-interface: one call (not repeated: a second one would be refused), then the router. */
export const routerAddInterface = defineTask({
  action: 'router.add-interface',
  input: routerInterfaceInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const input = rt.input;
    await rt.step(
      'submit',
      async () => {
        await networkOf(rt.provider).addRouterInterface(
          rt.scope,
          id,
          input.subnetExternalId,
          rt.call,
        );
        return input.subnetExternalId;
      },
      { detail: () => m('interface-on', { subnet: input.subnetName }) },
    );
    const router = await networkOf(rt.provider).getRouter(rt.scope, id, rt.call);
    const resourceId = await rt.observe(routerSeen(router));
    const ip = router.interfaces.find((i) => i.subnetExternalId === input.subnetExternalId);
    return {
      detail: m('router-subnet', {
        router: router.name,
        subnet: input.subnetName,
        ...(ip ? { ip: ip.ipAddress } : {}),
      }),
      resourceId,
    };
  },
});
