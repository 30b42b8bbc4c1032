import type { CallOptions, NetworkPort, Scope } from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import {
  createFloatingIp,
  deleteFloatingIp,
  getFloatingIp,
  listFloatingIps,
  updateFloatingIp,
} from '../services/network/v2/floating-ips/requests';
import {
  createPortForwarding,
  deletePortForwarding,
  listPortForwardings,
} from '../services/network/v2/port-forwardings/requests';
import { deleteInScope, inProject, inScope } from './network-scope';
import { toFloatingIpDto, toPortForwardingDto } from './to-network-dto';

const where = (id: string) => ({ service: 'network', path: `floatingips/${id}` });

type Verbs = Pick<
  NetworkPort,
  | 'listFloatingIps'
  | 'getFloatingIp'
  | 'allocateFloatingIp'
  | 'associateFloatingIp'
  | 'disassociateFloatingIp'
  | 'releaseFloatingIp'
  | 'listPortForwardings'
  | 'createPortForwarding'
  | 'deletePortForwarding'
>;

/** Floating IPs and their port forwardings on Neutron v2.0. */
export const floatingIpVerbs = (network: ServiceClient): Verbs => {
  const ownFip = (scope: Scope, id: string, options?: CallOptions) =>
    inScope(scope, where(id), () => getFloatingIp(network, inProject(scope, options), id));

  return {
    listFloatingIps: async (scope, options) =>
      (
        await listFloatingIps(network, inProject(scope, options), {
          project_id: scope.projectExternalId,
        })
      ).map(toFloatingIpDto),

    getFloatingIp: async (scope, id, options) => toFloatingIpDto(await ownFip(scope, id, options)),

    allocateFloatingIp: async (scope, input, options) =>
      toFloatingIpDto(
        await createFloatingIp(network, inProject(scope, options), {
          floating_network_id: input.networkExternalId,
          ...(input.description === undefined ? {} : { description: input.description }),
        }),
      ),

    associateFloatingIp: async (scope, id, input, options) => {
      await ownFip(scope, id, options);
      return toFloatingIpDto(
        await updateFloatingIp(network, inProject(scope, options), id, {
          port_id: input.portExternalId,
          ...(input.fixedIpAddress === undefined ? {} : { fixed_ip_address: input.fixedIpAddress }),
        }),
      );
    },

    disassociateFloatingIp: async (scope, id, options) => {
      await ownFip(scope, id, options);
      return toFloatingIpDto(
        await updateFloatingIp(network, inProject(scope, options), id, { port_id: null }),
      );
    },

    releaseFloatingIp: (scope, id, options) =>
      deleteInScope(
        scope,
        where(id),
        () => getFloatingIp(network, inProject(scope, options), id),
        () => deleteFloatingIp(network, inProject(scope, options), id),
      ),

    listPortForwardings: async (scope, fipId, options) => {
      await ownFip(scope, fipId, options);
      return (await listPortForwardings(network, inProject(scope, options), fipId)).map((p) =>
        toPortForwardingDto(fipId, p),
      );
    },

    createPortForwarding: async (scope, fipId, spec, options) => {
      await ownFip(scope, fipId, options);
      const created = await createPortForwarding(network, inProject(scope, options), fipId, {
        protocol: spec.protocol,
        internal_port_id: spec.internalPortExternalId,
        internal_ip_address: spec.internalIpAddress,
        internal_port: spec.internalPort,
        external_port: spec.externalPort,
        ...(spec.description === undefined ? {} : { description: spec.description }),
      });
      return toPortForwardingDto(fipId, created);
    },

    /** Idempotent: a floating IP or forwarding already gone is fine. */
    deletePortForwarding: (scope, fipId, id, options) =>
      deleteInScope(
        scope,
        where(fipId),
        () => getFloatingIp(network, inProject(scope, options), fipId),
        () => deletePortForwarding(network, inProject(scope, options), fipId, id),
      ),
  };
};
