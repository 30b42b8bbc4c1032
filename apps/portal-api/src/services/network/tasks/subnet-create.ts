import type { CreateSubnetSpec } from '@yunguan/cloud-core';
import { defineTask } from '../../tasks/task-definition';
import { subnetSeen } from '../network-observations';
import { createSubnetInput } from './network-task-inputs';
import { neutronSteps, observeNetworkOf, stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** subnet.create: the subnet, then its network again (its subnet list changed). */
export const subnetCreate = defineTask({
  action: 'subnet.create',
  input: createSubnetInput,
  steps: neutronSteps,
  async run(rt) {
    const input = rt.input;
    const spec: CreateSubnetSpec = {
      networkExternalId: input.networkExternalId,
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
      cidr: input.cidr,
      ipVersion: input.ipVersion,
      ...(input.gatewayIp === undefined ? {} : { gatewayIp: input.gatewayIp }),
      enableDhcp: input.enableDhcp,
      ...(input.dnsNameservers?.length ? { dnsNameservers: input.dnsNameservers } : {}),
      ...(input.allocationPools?.length ? { allocationPools: input.allocationPools } : {}),
      ...(input.hostRoutes ? { hostRoutes: input.hostRoutes } : {}),
    };
    const subnet = await rt.step(
      'submit',
      async () => stored(await networkOf(rt.provider).createSubnet(rt.scope, spec, rt.call)),
      {
        detail: (s) =>
          m('subnet-created', {
            name: s.name,
            cidr: s.cidr,
            network: input.networkName,
            ...(s.gatewayIp ? { gateway: s.gatewayIp } : {}),
          }),
      },
    );
    await rt.setTarget(subnet.externalId);
    const resourceId = await rt.observe(subnetSeen(subnet));
    await observeNetworkOf(rt, subnet.networkExternalId);
    return {
      detail: m('subnet-status', {
        name: subnet.name,
        cidr: subnet.cidr,
        dhcp: subnet.enableDhcp ? 'on' : 'off',
      }),
      resourceId,
    };
  },
});
