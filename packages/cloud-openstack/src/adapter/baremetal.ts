import type {
  BaremetalNodeDto,
  BaremetalPowerAction,
  BaremetalProvisionAction,
  CallOptions,
} from '@yunguan/cloud-core';
import type { Call, ServiceClient } from '../service-client';
import {
  getNode,
  listNodes,
  setNodePowerState,
  setNodeProvisionState,
  type ProvisionTarget,
} from '../services/baremetal/v1/nodes/requests';
import type { Node } from '../services/baremetal/v1/nodes/results';

const admin = (options?: CallOptions): Call => ({ scope: 'default', options });

export const toBaremetalNodeDto = (n: Node): BaremetalNodeDto => ({
  externalId: n.uuid,
  name: n.name ?? null,
  powerState: n.power_state ?? null,
  targetPowerState: n.target_power_state ?? null,
  provisionState: n.provision_state,
  targetProvisionState: n.target_provision_state ?? null,
  maintenance: n.maintenance ?? false,
  instanceExternalId: n.instance_uuid ?? null,
  resourceClass: n.resource_class ?? null,
  lastError: n.last_error ?? null,
  updatedAt: n.updated_at ?? null,
});

const powerTargets = {
  on: 'power on',
  off: 'power off',
  reboot: 'rebooting',
} as const satisfies Record<BaremetalPowerAction, string>;

/** Our provision verbs → Ironic's targets; manual cleaning erases disk metadata only. */
export const provisionTargetOf = (action: BaremetalProvisionAction): ProvisionTarget => {
  switch (action) {
    case 'deploy':
      return { target: 'active' };
    case 'undeploy':
      return { target: 'deleted' };
    case 'clean':
      return {
        target: 'clean',
        clean_steps: [{ interface: 'deploy', step: 'erase_devices_metadata' }],
      };
    default:
      return { target: action };
  }
};

/** The bare-metal verbs of the CloudProvider, on Ironic v1 as the service account. */
export const baremetalVerbs = (baremetal: ServiceClient) => ({
  listBaremetalNodes: async (options?: CallOptions) =>
    (await listNodes(baremetal, admin(options))).map(toBaremetalNodeDto),
  getBaremetalNode: async (id: string, options?: CallOptions) =>
    toBaremetalNodeDto(await getNode(baremetal, admin(options), id)),
  setBaremetalPower: (id: string, action: BaremetalPowerAction, options?: CallOptions) =>
    setNodePowerState(baremetal, admin(options), id, powerTargets[action]),
  setBaremetalProvision: (id: string, action: BaremetalProvisionAction, options?: CallOptions) =>
    setNodeProvisionState(baremetal, admin(options), id, provisionTargetOf(action)),
});
