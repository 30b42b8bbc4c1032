import type { CallOptions, NetworkPort, Scope } from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import {
  createSecurityGroupRule,
  deleteSecurityGroupRule,
  getSecurityGroupRule,
} from '../services/network/v2/security-group-rules/requests';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  getSecurityGroup,
  listSecurityGroups,
} from '../services/network/v2/security-groups/requests';
import { deleteInScope, inProject, inScope, present } from './network-scope';
import { toSecurityGroupDetailDto, toSecurityGroupRuleDto } from './to-network-dto';

const where = (path: string) => ({ service: 'network', path });

type Verbs = Pick<
  NetworkPort,
  | 'listSecurityGroupDetails'
  | 'getSecurityGroup'
  | 'createSecurityGroup'
  | 'deleteSecurityGroup'
  | 'createSecurityGroupRule'
  | 'deleteSecurityGroupRule'
>;

/** Security groups with their rules on Neutron v2.0. */
export const securityGroupVerbs = (network: ServiceClient): Verbs => {
  const ownGroup = (scope: Scope, id: string, options?: CallOptions) =>
    inScope(scope, where(`security-groups/${id}`), () =>
      getSecurityGroup(network, inProject(scope, options), id),
    );

  return {
    // Listing with the project's id also makes Neutron create the project's `default` group.
    listSecurityGroupDetails: async (scope, options) =>
      (
        await listSecurityGroups(network, inProject(scope, options), {
          project_id: scope.projectExternalId,
        })
      ).map(toSecurityGroupDetailDto),

    getSecurityGroup: async (scope, id, options) =>
      toSecurityGroupDetailDto(await ownGroup(scope, id, options)),

    createSecurityGroup: async (scope, input, options) =>
      toSecurityGroupDetailDto(
        await createSecurityGroup(network, inProject(scope, options), {
          name: input.name,
          ...(input.description === undefined ? {} : { description: input.description }),
        }),
      ),

    deleteSecurityGroup: (scope, id, options) =>
      deleteInScope(
        scope,
        where(`security-groups/${id}`),
        () => getSecurityGroup(network, inProject(scope, options), id),
        () => deleteSecurityGroup(network, inProject(scope, options), id),
      ),

    createSecurityGroupRule: async (scope, spec, options) => {
      await ownGroup(scope, spec.securityGroupExternalId, options);
      return toSecurityGroupRuleDto(
        await createSecurityGroupRule(network, inProject(scope, options), {
          security_group_id: spec.securityGroupExternalId,
          direction: spec.direction,
          ethertype: spec.ethertype,
          ...present({
            protocol: spec.protocol,
            port_range_min: spec.portRangeMin,
            port_range_max: spec.portRangeMax,
            remote_ip_prefix: spec.remoteIpPrefix,
            remote_group_id: spec.remoteGroupExternalId,
            description: spec.description,
          }),
        }),
      );
    },

    deleteSecurityGroupRule: (scope, id, options) =>
      deleteInScope(
        scope,
        where(`security-group-rules/${id}`),
        () => getSecurityGroupRule(network, inProject(scope, options), id),
        () => deleteSecurityGroupRule(network, inProject(scope, options), id),
      ),
  };
};
