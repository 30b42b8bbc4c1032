import type { FastifyInstance, FastifyRequest } from 'fastify';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { installIronicHttp, MAX_VERSION, MIN_VERSION } from './ironic-http';
import { baremetalSlice, recoverNodes } from './node-state';
import { registerNodeRoutes } from './node-routes';
import { registerStateRoutes } from './state-routes';

export type { BaremetalNode } from './node-state';

const v1Doc = (request: FastifyRequest) => {
  const base = `${linkBase(request)}/baremetal`;
  return {
    id: 'v1',
    links: [{ href: `${base}/v1/`, rel: 'self' }],
    status: 'CURRENT',
    min_version: MIN_VERSION,
    version: MAX_VERSION,
  };
};

/** Ironic v1 under /baremetal: nodes with power and provision state machines on fake hardware. */
export const registerBaremetal = (app: FastifyInstance, ctx: SimContext): void => {
  baremetalSlice(ctx);
  recoverNodes(ctx);
  void app.register(
    (scope, _opts, done) => {
      installIronicHttp(scope);
      const root = (request: FastifyRequest) => ({
        name: 'OpenStack Ironic API',
        description:
          'Ironic is an OpenStack project which enables the provision and management of baremetal machines.',
        default_version: v1Doc(request),
        versions: [v1Doc(request)],
      });
      scope.get('/', root);
      const v1 = (request: FastifyRequest) => ({
        ...v1Doc(request),
        media_types: [
          { base: 'application/json', type: 'application/vnd.openstack.ironic.v1+json' },
        ],
        nodes: [{ href: `${linkBase(request)}/baremetal/v1/nodes/`, rel: 'self' }],
        drivers: [{ href: `${linkBase(request)}/baremetal/v1/drivers/`, rel: 'self' }],
      });
      scope.get('/v1', v1);
      scope.get('/v1/', v1);
      void scope.register(
        (v1Scope, _o, d) => {
          registerNodeRoutes(v1Scope, ctx);
          registerStateRoutes(v1Scope, ctx);
          d();
        },
        { prefix: '/v1' },
      );
      done();
    },
    { prefix: '/baremetal' },
  );
};
