import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../core/sim-context';
import { registerAgentRoutes } from './agents-routes';
import { registerNetworkDiscoveryRoutes } from './discovery-routes';
import { registerFloatingIpRoutes } from './floating-ips-routes';
import { registerFwaasRoutes } from './fwaas-routes';
import { octaviaErrorHandler, registerOctaviaRoutes } from './lbaas/octavia-routes';
import { recoverOctaviaTransitions } from './lbaas/octavia-state';
import { networkSlice } from './network-state';
import { neutronErrorHandler } from './neutron-http';
import { registerNetworkRoutes } from './networks-routes';
import { registerPortRoutes } from './ports-routes';
import { registerNetworkQuotaRoutes } from './quotas-routes';
import { registerRouterRoutes } from './routers-routes';
import { registerSecurityGroupRoutes } from './security-groups-routes';
import { registerSubnetRoutes } from './subnets-routes';
import { registerTagRoutes } from './tags-routes';

export {
  allocateServerPort,
  releaseServerPorts,
  serverAddresses,
  serverPorts,
} from './server-ports';
export type { ServerAddress, ServerPort, ServerPortInput } from './server-ports';
export { ensureDefaultSecurityGroup } from './security-group-service';
export type { NetworkSlice, Port, Network, Subnet, FloatingIp } from './network-state';

/** Mounts Neutron v2.0 under /network in its own scope (its own error envelope). */
export const registerNetwork = (app: FastifyInstance, ctx: SimContext): void => {
  networkSlice(ctx);
  recoverOctaviaTransitions(ctx);
  void app.register((scope, _options, done) => {
    scope.setErrorHandler(neutronErrorHandler);
    scope.addHook('onSend', (_request, reply, payload, next) => {
      if (!reply.hasHeader('x-openstack-request-id')) {
        reply.header('x-openstack-request-id', `req-${randomUUID()}`);
      }
      next(null, payload);
    });
    registerNetworkDiscoveryRoutes(scope, ctx);
    registerNetworkRoutes(scope, ctx);
    registerSubnetRoutes(scope, ctx);
    registerPortRoutes(scope, ctx);
    registerRouterRoutes(scope, ctx);
    registerAgentRoutes(scope, ctx);
    registerFloatingIpRoutes(scope, ctx);
    registerSecurityGroupRoutes(scope, ctx);
    registerNetworkQuotaRoutes(scope, ctx);
    registerFwaasRoutes(scope, ctx);
    registerTagRoutes(scope, ctx);
    done();
  });
  // Octavia v2 (/load-balancer) rides along: it is Neutron-adjacent and has its own envelope.
  void app.register((scope, _options, done) => {
    scope.setErrorHandler(octaviaErrorHandler);
    registerOctaviaRoutes(scope, ctx);
    done();
  });
};
