import type { CallOptions, NetworkPort, Scope } from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import { listPorts } from '../services/network/v2/ports/requests';
import {
  addRouterInterface,
  createRouter,
  deleteRouter,
  getRouter,
  listRouters,
  removeRouterInterface,
  updateRouter,
} from '../services/network/v2/routers/requests';
import type { Router } from '../services/network/v2/routers/results';
import { deleteInScope, inProject, inScope } from './network-scope';
import { isRouterInterface, toRouterDto } from './to-network-dto';

const where = (id: string) => ({ service: 'network', path: `routers/${id}` });

type Verbs = Pick<
  NetworkPort,
  | 'listRouters'
  | 'getRouter'
  | 'createRouter'
  | 'setRouterGateway'
  | 'addRouterInterface'
  | 'removeRouterInterface'
  | 'deleteRouter'
>;

/** Routers on Neutron v2.0; their interfaces are read from the router's ports. */
export const routerVerbs = (network: ServiceClient): Verbs => {
  const withInterfaces = async (scope: Scope, router: Router, options?: CallOptions) => {
    const ports = await listPorts(network, inProject(scope, options), { device_id: router.id });
    return toRouterDto(router, ports);
  };
  const ownRouter = (scope: Scope, id: string, options?: CallOptions) =>
    inScope(scope, where(id), () => getRouter(network, inProject(scope, options), id));

  return {
    listRouters: async (scope, options) => {
      const call = inProject(scope, options);
      const routers = await listRouters(network, call, { project_id: scope.projectExternalId });
      if (routers.length === 0) return [];
      const ports = (
        await listPorts(network, call, { project_id: scope.projectExternalId })
      ).filter(isRouterInterface);
      return routers.map((r) => toRouterDto(r, ports));
    },

    getRouter: async (scope, id, options) =>
      withInterfaces(scope, await ownRouter(scope, id, options), options),

    createRouter: async (scope, spec, options) => {
      const router = await createRouter(network, inProject(scope, options), {
        name: spec.name,
        ...(spec.description === undefined ? {} : { description: spec.description }),
        ...(spec.adminStateUp === undefined ? {} : { admin_state_up: spec.adminStateUp }),
        ...(spec.externalGateway === undefined
          ? {}
          : {
              external_gateway_info: {
                network_id: spec.externalGateway.networkExternalId,
                ...(spec.externalGateway.enableSnat === undefined
                  ? {}
                  : { enable_snat: spec.externalGateway.enableSnat }),
              },
            }),
      });
      return toRouterDto(router, []);
    },

    setRouterGateway: async (scope, id, gateway, options) => {
      await ownRouter(scope, id, options);
      const router = await updateRouter(network, inProject(scope, options), id, {
        external_gateway_info:
          gateway === null
            ? {}
            : {
                network_id: gateway.networkExternalId,
                ...(gateway.enableSnat === undefined ? {} : { enable_snat: gateway.enableSnat }),
              },
      });
      return withInterfaces(scope, router, options);
    },

    addRouterInterface: async (scope, id, subnetId, options) => {
      await ownRouter(scope, id, options);
      await addRouterInterface(network, inProject(scope, options), id, { subnet_id: subnetId });
    },

    removeRouterInterface: async (scope, id, subnetId, options) => {
      await ownRouter(scope, id, options);
      await removeRouterInterface(network, inProject(scope, options), id, {
        subnet_id: subnetId,
      });
    },

    deleteRouter: (scope, id, options) =>
      deleteInScope(
        scope,
        where(id),
        () => getRouter(network, inProject(scope, options), id),
        () => deleteRouter(network, inProject(scope, options), id),
      ),
  };
};
