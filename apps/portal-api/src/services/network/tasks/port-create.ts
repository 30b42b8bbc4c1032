import { defineTask } from '../../tasks/task-definition';
import { portSeen } from '../network-observations';
import { createPortInput } from './network-task-inputs';
import { neutronSteps, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** port.create: one Neutron call, then the mirror row. */
export const portCreate = defineTask({
  action: 'port.create',
  input: createPortInput,
  steps: neutronSteps,
  async run(rt) {
    const spec = rt.input;
    const port = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).createPort(rt.scope, spec, rt.call)),
      {
        detail: (p) =>
          m('port-created', {
            name: p.name || p.externalId,
            ips: p.fixedIps.map((f) => f.ipAddress).join(', '),
            mac: p.macAddress,
          }),
      },
    );
    await rt.setTarget(port.externalId);
    const resourceId = await rt.observe(portSeen(port));
    return {
      detail: m('status-of', {
        kind: 'port',
        name: port.name || port.externalId,
        status: port.status,
      }),
      resourceId,
    };
  },
});
