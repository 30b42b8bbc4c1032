import { defineTask } from '../../tasks/task-definition';
import { routerSeen } from '../network-observations';
import { setGatewayInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** router.set-gateway: one PUT (repeatable), then the router as the cloud has it. */
export const routerSetGateway = defineTask({
  action: 'router.set-gateway',
  input: setGatewayInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const input = rt.input;
    const router = await rt.step(
      'submit',
      async () =>
        stored(
          await networkOf(rt.provider).setRouterGateway(
            rt.scope,
            id,
            {
              networkExternalId: input.networkExternalId,
              ...(input.enableSnat === undefined ? {} : { enableSnat: input.enableSnat }),
            },
            rt.call,
          ),
        ),
      {
        resend: true,
        detail: (r) =>
          m('gateway-set', {
            network: input.networkName,
            ips: r.externalGateway?.externalFixedIps.map((f) => f.ipAddress).join(', ') ?? '',
            snat: r.externalGateway?.enableSnat ? 'on' : 'off',
          }),
      },
    );
    const resourceId = await rt.observe(routerSeen(router));
    return {
      detail: m('router-routes-to', { router: router.name, network: input.networkName }),
      resourceId,
    };
  },
});
