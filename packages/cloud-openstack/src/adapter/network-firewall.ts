import type { FirewallPort } from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import {
  createFirewallGroup,
  deleteFirewallGroup,
  getFirewallGroup,
  listFirewallGroups,
  updateFirewallGroup,
  type FirewallGroupOpts,
} from '../services/network/v2/fwaas/firewall-groups/requests';
import {
  createFirewallPolicy,
  deleteFirewallPolicy,
  getFirewallPolicy,
  listFirewallPolicies,
  updateFirewallPolicy,
} from '../services/network/v2/fwaas/firewall-policies/requests';
import {
  createFirewallRule,
  deleteFirewallRule,
  getFirewallRule,
  listFirewallRules,
} from '../services/network/v2/fwaas/firewall-rules/requests';
import { deleteInScope, inProject, inScope, present } from './network-scope';
import { toFirewallGroupDto, toFirewallPolicyDto, toFirewallRuleDto } from './to-network-dto';

const where = (path: string) => ({ service: 'network', path: `fwaas/${path}` });

type Verbs = Pick<
  FirewallPort,
  | 'listFirewallGroups'
  | 'getFirewallGroup'
  | 'createFirewallGroup'
  | 'updateFirewallGroup'
  | 'deleteFirewallGroup'
  | 'listFirewallPolicies'
  | 'createFirewallPolicy'
  | 'updateFirewallPolicyRules'
  | 'deleteFirewallPolicy'
  | 'listFirewallRules'
  | 'createFirewallRule'
  | 'deleteFirewallRule'
>;

const groupOpts = (
  spec: Parameters<FirewallPort['updateFirewallGroup']>[2],
): FirewallGroupOpts => ({
  ...(spec.name === undefined ? {} : { name: spec.name }),
  ...(spec.description === undefined ? {} : { description: spec.description }),
  ...(spec.ingressPolicyExternalId === undefined
    ? {}
    : { ingress_firewall_policy_id: spec.ingressPolicyExternalId }),
  ...(spec.egressPolicyExternalId === undefined
    ? {}
    : { egress_firewall_policy_id: spec.egressPolicyExternalId }),
  ...(spec.portExternalIds === undefined ? {} : { ports: spec.portExternalIds }),
  ...(spec.adminStateUp === undefined ? {} : { admin_state_up: spec.adminStateUp }),
});

/** FWaaS v2 on Neutron (`/v2.0/fwaas/…`). */
export const firewallVerbs = (network: ServiceClient): Verbs => ({
  listFirewallGroups: async (scope, options) =>
    (
      await listFirewallGroups(network, inProject(scope, options), {
        project_id: scope.projectExternalId,
      })
    ).map(toFirewallGroupDto),

  getFirewallGroup: async (scope, id, options) =>
    toFirewallGroupDto(
      await inScope(scope, where(`firewall_groups/${id}`), () =>
        getFirewallGroup(network, inProject(scope, options), id),
      ),
    ),

  createFirewallGroup: async (scope, spec, options) =>
    toFirewallGroupDto(
      await createFirewallGroup(network, inProject(scope, options), groupOpts(spec)),
    ),

  updateFirewallGroup: async (scope, id, patch, options) => {
    const call = inProject(scope, options);
    await inScope(scope, where(`firewall_groups/${id}`), () => getFirewallGroup(network, call, id));
    return toFirewallGroupDto(await updateFirewallGroup(network, call, id, groupOpts(patch)));
  },

  deleteFirewallGroup: (scope, id, options) =>
    deleteInScope(
      scope,
      where(`firewall_groups/${id}`),
      () => getFirewallGroup(network, inProject(scope, options), id),
      () => deleteFirewallGroup(network, inProject(scope, options), id),
    ),

  listFirewallPolicies: async (scope, options) =>
    (
      await listFirewallPolicies(network, inProject(scope, options), {
        project_id: scope.projectExternalId,
      })
    ).map(toFirewallPolicyDto),

  createFirewallPolicy: async (scope, input, options) =>
    toFirewallPolicyDto(
      await createFirewallPolicy(network, inProject(scope, options), {
        name: input.name,
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.ruleExternalIds === undefined ? {} : { firewall_rules: input.ruleExternalIds }),
        ...(input.audited === undefined ? {} : { audited: input.audited }),
      }),
    ),

  updateFirewallPolicyRules: async (scope, id, ruleIds, options) => {
    const call = inProject(scope, options);
    await inScope(scope, where(`firewall_policies/${id}`), () =>
      getFirewallPolicy(network, call, id),
    );
    return toFirewallPolicyDto(
      await updateFirewallPolicy(network, call, id, { firewall_rules: ruleIds }),
    );
  },

  deleteFirewallPolicy: (scope, id, options) =>
    deleteInScope(
      scope,
      where(`firewall_policies/${id}`),
      () => getFirewallPolicy(network, inProject(scope, options), id),
      () => deleteFirewallPolicy(network, inProject(scope, options), id),
    ),

  listFirewallRules: async (scope, options) =>
    (
      await listFirewallRules(network, inProject(scope, options), {
        project_id: scope.projectExternalId,
      })
    ).map(toFirewallRuleDto),

  createFirewallRule: async (scope, spec, options) =>
    toFirewallRuleDto(
      await createFirewallRule(network, inProject(scope, options), {
        name: spec.name,
        action: spec.action,
        ip_version: spec.ipVersion,
        enabled: spec.enabled,
        // Neutron's "any" is the attribute left out (null also means any for protocol).
        protocol: spec.protocol,
        ...present({
          description: spec.description,
          source_ip_address: spec.sourceIpAddress,
          destination_ip_address: spec.destinationIpAddress,
          source_port: spec.sourcePort,
          destination_port: spec.destinationPort,
        }),
      }),
    ),

  deleteFirewallRule: (scope, id, options) =>
    deleteInScope(
      scope,
      where(`firewall_rules/${id}`),
      () => getFirewallRule(network, inProject(scope, options), id),
      () => deleteFirewallRule(network, inProject(scope, options), id),
    ),
});
