import type { FastifyInstance } from 'fastify';
import { cinderError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { V3, type ProjectParams } from './cinder-http';
import { volumeSlice } from './volume-state';

/**
 * GET /os-services (admin): the scheduler, one cinder-volume per backend (`host@backend`) and
 * the backup service — what `openstack volume service list` shows and what clients check
 * before offering backups. Filters `binary` and `host` as Cinder does.
 */
export const registerServiceRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  app.get<{ Params: ProjectParams }>(`${base}/os-services`, (request) => {
    if (!ctx.caller(request).isAdmin) {
      throw cinderError(
        'forbidden',
        `Policy doesn't allow volume_extension:services:index to be performed.`,
      );
    }
    const updatedAt = ctx
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, '.000000');
    const service = (binary: string, host: string) => ({
      binary,
      host,
      zone: 'nova',
      status: 'enabled',
      state: 'up',
      updated_at: updatedAt,
      disabled_reason: null,
    });
    const volumeHosts = [...new Set(volumeSlice(ctx).backends.map((b) => b.pool.split('#')[0]))];
    const all = [
      service('cinder-scheduler', 'cinder-volume-1'),
      ...volumeHosts.map((host) => ({
        ...service('cinder-volume', host ?? 'cinder-volume-1'),
        replication_status: 'disabled',
        active_backend_id: null,
        frozen: false,
      })),
      service('cinder-backup', 'cinder-backup-1'),
    ];
    const query = request.query as Record<string, string | undefined>;
    return {
      services: all.filter(
        (s) =>
          (query.binary === undefined || s.binary === query.binary) &&
          (query.host === undefined || s.host === query.host),
      ),
    };
  });
};
