import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../core/sim-context';
import { registerVolumeAdminRoutes, registerVolumeVersionRoutes } from './admin-routes';
import { registerBackupRoutes } from './backups-routes';
import { V3, cinderErrorHandler } from './cinder-http';
import { recoverVolumeTransitions } from './recover-transitions';
import { registerServiceRoutes } from './services-routes';
import { registerSnapshotRoutes } from './snapshots-routes';
import { registerTransferRoutes } from './transfers-routes';
import { registerTypeRoutes } from './types-routes';
import { volumeSlice } from './volume-state';
import { registerVolumeRoutes } from './volumes-routes';

export {
  attachVolume,
  detachVolume,
  detachAllFromServer,
  deleteVolumeOnTermination,
  getVolumeForBoot,
} from './volume-attachments';
export type { AttachVolumeInput } from './volume-attachments';
export { createVolume } from './volume-service';
export type { Volume, VolumeAttachment, VolumeSlice } from './volume-state';

/** Mounts Cinder v3 under /volume in its own scope (Cinder's fault envelope, microversion header). */
export const registerVolume = (app: FastifyInstance, ctx: SimContext): void => {
  volumeSlice(ctx);
  recoverVolumeTransitions(ctx);
  void app.register((scope, _options, done) => {
    scope.setErrorHandler(cinderErrorHandler);
    scope.addHook('onSend', (request, reply, payload, next) => {
      const asked = request.headers['openstack-api-version'];
      const version =
        typeof asked === 'string' ? /volume\s+(\d+\.\d+|latest)/.exec(asked)?.[1] : undefined;
      reply.header(
        'openstack-api-version',
        `volume ${version === 'latest' ? '3.70' : (version ?? '3.0')}`,
      );
      reply.header('vary', 'OpenStack-API-Version');
      next(null, payload);
    });
    registerVolumeVersionRoutes(scope, ctx);
    // With and without the project in the path (Cinder 3.67+; openstacksdk's block-storage).
    for (const base of [V3, '/volume/v3']) {
      registerVolumeAdminRoutes(scope, ctx, base);
      registerVolumeRoutes(scope, ctx, base);
      registerSnapshotRoutes(scope, ctx, base);
      registerBackupRoutes(scope, ctx, base);
      registerTypeRoutes(scope, ctx, base);
      registerTransferRoutes(scope, ctx, base);
      registerServiceRoutes(scope, ctx, base);
    }
    done();
  });
};
