import { defineTask } from '../../tasks/task-definition';
import { noRouteFailure, observeFloatingIp } from './observe-floating-ip';
import { addPortForwardingInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** floating-ip.add-port-forwarding: one forwarding (not repeated), then the floating IP. */
export const floatingIpAddPortForwarding = defineTask({
  action: 'floating-ip.add-port-forwarding',
  input: addPortForwardingInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const input = rt.input;
    await rt.step(
      'submit',
      async () => {
        try {
          return stored(
            await networkOf(rt.provider).createPortForwarding(
              rt.scope,
              id,
              {
                protocol: input.protocol,
                internalPortExternalId: input.portExternalId,
                internalIpAddress: input.fixedIpAddress,
                internalPort: input.internalPort,
                externalPort: input.externalPort,
                ...(input.description ? { description: input.description } : {}),
              },
              rt.call,
            ),
          );
        } catch (error) {
          throw noRouteFailure(error, input);
        }
      },
      {
        detail: (p) =>
          m('pf-rule', {
            protocol: p.protocol,
            externalPort: p.externalPort,
            server: input.server.name,
            internalIp: p.internalIpAddress,
            internalPort: p.internalPort,
          }),
      },
    );
    const fip = await networkOf(rt.provider).getFloatingIp(rt.scope, id, rt.call);
    const resourceId = await observeFloatingIp(rt, fip, null);
    return {
      detail: m('pf-added', {
        ip: fip.floatingIpAddress,
        externalPort: input.externalPort,
        protocol: input.protocol,
        server: input.server.name,
      }),
      resourceId,
    };
  },
});
