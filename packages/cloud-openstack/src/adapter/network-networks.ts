import type { NetworkPort, Scope } from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import {
  createNetwork,
  deleteNetwork,
  getNetwork,
  listNetworks,
} from '../services/network/v2/networks/requests';
import type { Network } from '../services/network/v2/networks/results';
import { createPort, deletePort, getPort, listPorts } from '../services/network/v2/ports/requests';
import {
  createSubnet,
  deleteSubnet,
  getSubnet,
  listSubnets,
  updateSubnet,
  type UpdateSubnetOpts,
} from '../services/network/v2/subnets/requests';
import { deleteInScope, inProject, inScope, ownerOf } from './network-scope';
import { toNetworkDetailDto, toPortDto, toSubnetDto } from './to-network-dto';

/** Networks a project may use: its own, shared ones and external ones. */
const usable = (scope: Scope) => (n: Network) =>
  ownerOf(n) === scope.projectExternalId || n.shared || n['router:external'] === true;

const where = (path: string) => ({ service: 'network', path });

type Verbs = Pick<
  NetworkPort,
  | 'listNetworkDetails'
  | 'getNetwork'
  | 'createNetwork'
  | 'deleteNetwork'
  | 'listSubnets'
  | 'getSubnet'
  | 'createSubnet'
  | 'updateSubnet'
  | 'deleteSubnet'
  | 'listPorts'
  | 'createPort'
  | 'deletePort'
>;

/** Networks, subnets and ports on Neutron v2.0. */
export const networkResourceVerbs = (network: ServiceClient): Verbs => ({
  listNetworkDetails: async (scope, options) =>
    (await listNetworks(network, inProject(scope, options)))
      .filter(usable(scope))
      .map(toNetworkDetailDto),

  getNetwork: async (scope, id, options) =>
    toNetworkDetailDto(
      await inScope(
        scope,
        where(`networks/${id}`),
        () => getNetwork(network, inProject(scope, options), id),
        usable(scope),
      ),
    ),

  createNetwork: async (scope, spec, options) =>
    toNetworkDetailDto(
      await createNetwork(network, inProject(scope, options), {
        name: spec.name,
        ...(spec.description === undefined ? {} : { description: spec.description }),
        ...(spec.adminStateUp === undefined ? {} : { admin_state_up: spec.adminStateUp }),
        ...(spec.shared === undefined ? {} : { shared: spec.shared }),
        ...(spec.external === undefined ? {} : { 'router:external': spec.external }),
        ...(spec.mtu === undefined ? {} : { mtu: spec.mtu }),
        ...(spec.provider === undefined
          ? {}
          : {
              'provider:network_type': spec.provider.type,
              ...(spec.provider.physicalNetwork === undefined
                ? {}
                : { 'provider:physical_network': spec.provider.physicalNetwork }),
              ...(spec.provider.segmentationId === undefined
                ? {}
                : { 'provider:segmentation_id': spec.provider.segmentationId }),
            }),
      }),
    ),

  deleteNetwork: (scope, id, options) =>
    deleteInScope(
      scope,
      where(`networks/${id}`),
      () => getNetwork(network, inProject(scope, options), id),
      () => deleteNetwork(network, inProject(scope, options), id),
    ),

  listSubnets: async (scope, options) =>
    (
      await listSubnets(network, inProject(scope, options), {
        project_id: scope.projectExternalId,
      })
    ).map(toSubnetDto),

  getSubnet: async (scope, id, options) =>
    toSubnetDto(
      await inScope(scope, where(`subnets/${id}`), () =>
        getSubnet(network, inProject(scope, options), id),
      ),
    ),

  createSubnet: async (scope, spec, options) =>
    toSubnetDto(
      await createSubnet(network, inProject(scope, options), {
        name: spec.name,
        ...(spec.description === undefined ? {} : { description: spec.description }),
        network_id: spec.networkExternalId,
        cidr: spec.cidr,
        ip_version: spec.ipVersion,
        enable_dhcp: spec.enableDhcp,
        ...(spec.gatewayIp === undefined ? {} : { gateway_ip: spec.gatewayIp }),
        ...(spec.dnsNameservers === undefined ? {} : { dns_nameservers: spec.dnsNameservers }),
        ...(spec.allocationPools === undefined ? {} : { allocation_pools: spec.allocationPools }),
        ...(spec.hostRoutes === undefined ? {} : { host_routes: spec.hostRoutes }),
      }),
    ),

  updateSubnet: async (scope, id, patch, options) => {
    const call = inProject(scope, options);
    await inScope(scope, where(`subnets/${id}`), () => getSubnet(network, call, id));
    const opts: UpdateSubnetOpts = {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.gatewayIp === undefined ? {} : { gateway_ip: patch.gatewayIp }),
      ...(patch.enableDhcp === undefined ? {} : { enable_dhcp: patch.enableDhcp }),
      ...(patch.dnsNameservers === undefined ? {} : { dns_nameservers: patch.dnsNameservers }),
      ...(patch.allocationPools === undefined ? {} : { allocation_pools: patch.allocationPools }),
      ...(patch.hostRoutes === undefined ? {} : { host_routes: patch.hostRoutes }),
    };
    return toSubnetDto(await updateSubnet(network, call, id, opts));
  },

  deleteSubnet: (scope, id, options) =>
    deleteInScope(
      scope,
      where(`subnets/${id}`),
      () => getSubnet(network, inProject(scope, options), id),
      () => deleteSubnet(network, inProject(scope, options), id),
    ),

  listPorts: async (scope, query, options) =>
    (
      await listPorts(network, inProject(scope, options), {
        project_id: scope.projectExternalId,
        device_id: query?.deviceExternalId,
        network_id: query?.networkExternalId,
      })
    ).map(toPortDto),

  createPort: async (scope, spec, options) =>
    toPortDto(
      await createPort(network, inProject(scope, options), {
        network_id: spec.networkExternalId,
        name: spec.name,
        ...(spec.fixedIps === undefined
          ? {}
          : {
              fixed_ips: spec.fixedIps.map((f) => ({
                subnet_id: f.subnetExternalId,
                ...(f.ipAddress === undefined ? {} : { ip_address: f.ipAddress }),
              })),
            }),
        ...(spec.securityGroupExternalIds === undefined
          ? {}
          : { security_groups: spec.securityGroupExternalIds }),
        ...(spec.adminStateUp === undefined ? {} : { admin_state_up: spec.adminStateUp }),
      }),
    ),

  deletePort: (scope, id, options) =>
    deleteInScope(
      scope,
      where(`ports/${id}`),
      () => getPort(network, inProject(scope, options), id),
      () => deletePort(network, inProject(scope, options), id),
    ),
});
