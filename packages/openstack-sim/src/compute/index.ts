import type { FastifyInstance } from 'fastify';
import { originOf } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { computeOf } from './compute-state';
import { registerFlavorRoutes } from './flavors-routes';
import { registerGroupAndQuotaRoutes } from './groups-quotas-routes';
import { registerHypervisorRoutes } from './hypervisors-routes';
import { registerInfraRoutes } from './infra-routes';
import { registerUsageRoutes } from './usage-routes';
import { registerKeypairRoutes } from './keypairs-routes';
import { installNovaHttp, versionDoc } from './nova-http';
import { registerConsoleRoutes } from './console-routes';
import { registerServerActions } from './server-actions';
import { registerServerExtraRoutes } from './server-extras-routes';
import { registerServerRoutes } from './servers-routes';
import { recoverInterrupted } from './recover-interrupted';

export { computeOf, seedCompute } from './compute-state';
export type { ComputeState, Server, Hypervisor, Flavor } from './compute-state';

/** Nova v2.1 under /compute/v2.1 (and the version documents at /compute and /compute/v2.1). */
export const registerCompute = (app: FastifyInstance, ctx: SimContext): void => {
  void app.register(
    async (scope) => {
      installNovaHttp(scope, ctx);
      computeOf(ctx);
      recoverInterrupted(ctx);
      scope.get('/', (request) => {
        // The versions list carries only each version's self link (no describedby, no media types).
        const { 'media-types': _media, links, ...doc } = versionDoc(originOf(request, ctx.baseUrl));
        void _media;
        return { versions: [{ ...doc, links: links.filter((l) => l.rel === 'self') }] };
      });
      scope.get('/v2.1', (request) => ({ version: versionDoc(originOf(request, ctx.baseUrl)) }));
      scope.get('/v2.1/', (request) => ({ version: versionDoc(originOf(request, ctx.baseUrl)) }));
      await scope.register(
        (v21, _opts, done) => {
          registerFlavorRoutes(v21, ctx);
          registerKeypairRoutes(v21, ctx);
          registerServerRoutes(v21, ctx);
          registerServerActions(v21, ctx);
          registerConsoleRoutes(v21, ctx);
          registerServerExtraRoutes(v21, ctx);
          registerInfraRoutes(v21, ctx);
          registerHypervisorRoutes(v21, ctx);
          registerUsageRoutes(v21, ctx);
          registerGroupAndQuotaRoutes(v21, ctx);
          done();
        },
        { prefix: '/v2.1' },
      );
    },
    { prefix: '/compute' },
  );
};
