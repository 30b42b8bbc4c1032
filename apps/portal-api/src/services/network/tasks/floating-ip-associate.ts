import { defineTask } from '../../tasks/task-definition';
import { noRouteFailure, observeFloatingIp } from './observe-floating-ip';
import { portSeen } from '../network-observations';
import { floatingIpTargetInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** floating-ip.associate: point it at the server's port (repeatable: the same port again). */
export const floatingIpAssociate = defineTask({
  action: 'floating-ip.associate',
  input: floatingIpTargetInput,
  steps: neutronSteps,
  async run(rt) {
    const id = rt.target();
    const input = rt.input;
    const fip = await rt.step(
      'submit',
      async () => {
        try {
          return stored(
            await networkOf(rt.provider).associateFloatingIp(
              rt.scope,
              id,
              { portExternalId: input.portExternalId, fixedIpAddress: input.fixedIpAddress },
              rt.call,
            ),
          );
        } catch (error) {
          throw noRouteFailure(error, input);
        }
      },
      {
        resend: true,
        detail: (f) =>
          m('fip-to', {
            ip: f.floatingIpAddress,
            server: input.server.name,
            fixedIp: input.fixedIpAddress,
          }),
      },
    );
    // The server's ports in the mirror let lists name the server a floating IP points at.
    const ports = await networkOf(rt.provider).listPorts(
      rt.scope,
      { deviceExternalId: input.serverExternalId },
      rt.call,
    );
    for (const port of ports) await rt.observe(portSeen(port));
    const resourceId = await observeFloatingIp(rt, fip, input.server);
    return {
      detail: m('fip-reaches', {
        ip: fip.floatingIpAddress,
        server: input.server.name,
        fixedIp: input.fixedIpAddress,
      }),
      resourceId,
    };
  },
});
