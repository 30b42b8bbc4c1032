import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../core/link-base';
import { cinderError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { V3, bodyOf, type ProjectParams } from './cinder-http';
import {
  defaultVolumeQuota,
  quotaFor,
  usageFor,
  volumeSlice,
  type VolumeQuota,
} from './volume-state';

type TargetParams = ProjectParams & { target: string };

type QuotaEntry = number | { limit: number; in_use: number; reserved: number };

const quotaSet = (
  ctx: SimContext,
  projectId: string,
  usage: boolean,
): Record<string, QuotaEntry | string> => {
  const limits = quotaFor(ctx, projectId);
  const used = usageFor(ctx, projectId);
  const entries = (Object.keys(limits) as (keyof VolumeQuota)[]).map(
    (key): [string, QuotaEntry] => [
      key,
      usage
        ? {
            limit: limits[key],
            in_use: key === 'per_volume_gigabytes' ? 0 : used[key],
            reserved: 0,
          }
        : limits[key],
    ],
  );
  return {
    id: projectId,
    groups: usage ? { limit: 10, in_use: 0, reserved: 0 } : 10,
    ...Object.fromEntries(entries),
  };
};

/** GET /volume/ and /volume/v3/: Cinder's version document. */
export const registerVolumeVersionRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const versions = (request: FastifyRequest) => ({
    versions: [
      {
        id: 'v3.0',
        status: 'CURRENT',
        version: '3.70',
        min_version: '3.0',
        updated: '2023-08-31T00:00:00Z',
        links: [
          { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
          { rel: 'self', href: `${originOf(request, ctx.baseUrl)}/volume/v3/` },
        ],
        'media-types': [
          { base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' },
        ],
      },
    ],
  });
  // The root lists the versions with 300 Multiple Choices, as Cinder does.
  const choices = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(300).send(versions(request));
  app.get('/volume', choices);
  app.get('/volume/', choices);
  app.get('/volume/v3', versions);
  app.get('/volume/v3/', versions);
};

export const registerVolumeAdminRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  app.get<{ Params: TargetParams }>(`${base}/os-quota-sets/:target/defaults`, (request) => {
    ctx.caller(request);
    return { quota_set: { id: request.params.target, groups: 10, ...defaultVolumeQuota } };
  });

  app.get<{ Params: TargetParams }>(`${base}/os-quota-sets/:target`, (request) => {
    const caller = ctx.caller(request);
    if (!caller.isAdmin && caller.projectId !== request.params.target) {
      throw cinderError(
        'forbidden',
        `Policy doesn't allow volume_extension:quotas:show to be performed.`,
      );
    }
    const usage = (request.query as Record<string, string | undefined>).usage;
    return {
      quota_set: quotaSet(ctx, request.params.target, usage === 'true' || usage === 'True'),
    };
  });

  app.put<{ Params: TargetParams }>(`${base}/os-quota-sets/:target`, (request) => {
    if (!ctx.caller(request).isAdmin) {
      throw cinderError(
        'forbidden',
        `Policy doesn't allow volume_extension:quotas:update to be performed.`,
      );
    }
    const body = bodyOf(request, 'quota_set');
    const slice = volumeSlice(ctx);
    const current = (slice.quotas[request.params.target] ??= {});
    for (const [key, value] of Object.entries(body)) {
      if (key === 'tenant_id' || key === 'id') continue;
      if (!(key in defaultVolumeQuota))
        throw cinderError('badRequest', `Bad key(s) in quota set: ${key}`);
      const n = Number(value);
      if (!Number.isInteger(n) || n < -1) {
        throw cinderError(
          'badRequest',
          `Invalid input received: Quota limit ${String(value)} for ${key} must be an integer greater than or equal to -1.`,
        );
      }
      current[key as keyof VolumeQuota] = n;
    }
    ctx.store.changed();
    const limits = quotaSet(ctx, request.params.target, false);
    delete limits.id;
    return { quota_set: limits };
  });

  app.delete<{ Params: TargetParams }>(`${base}/os-quota-sets/:target`, (request, reply) => {
    if (!ctx.caller(request).isAdmin) {
      throw cinderError(
        'forbidden',
        `Policy doesn't allow volume_extension:quotas:delete to be performed.`,
      );
    }
    delete volumeSlice(ctx).quotas[request.params.target];
    ctx.store.changed();
    return reply.code(200).send();
  });

  /** The admin capacity view: one pool per backend, allocated = what its volumes hold. */
  app.get<{ Params: ProjectParams }>(`${base}/scheduler-stats/get_pools`, (request) => {
    if (!ctx.caller(request).isAdmin) {
      throw cinderError(
        'forbidden',
        `Policy doesn't allow scheduler_extension:scheduler_stats:get_pools to be performed.`,
      );
    }
    const slice = volumeSlice(ctx);
    const detail = (request.query as Record<string, string | undefined>).detail;
    const pools = slice.backends.map((b) => {
      const allocated = Object.values(slice.volumes)
        .filter((v) => v.host === b.pool)
        .reduce((sum, v) => sum + v.size, 0);
      const capabilities = {
        volume_backend_name: b.backendName,
        pool_name: b.pool.split('#')[1] ?? b.backendName,
        total_capacity_gb: b.totalGb,
        free_capacity_gb: b.totalGb - allocated,
        allocated_capacity_gb: allocated,
        provisioned_capacity_gb: allocated,
        reserved_percentage: 0,
        max_over_subscription_ratio: '1.0',
        thin_provisioning_support: b.protocol === 'ceph',
        thick_provisioning_support: b.protocol !== 'ceph',
        storage_protocol: b.protocol,
        vendor_name: b.vendor,
        driver_version: '1.3.0',
        multiattach: true,
        timestamp: ctx.now().toISOString(),
      };
      return detail === 'true' || detail === 'True'
        ? { name: b.pool, capabilities }
        : { name: b.pool };
    });
    return { pools };
  });

  app.get<{ Params: ProjectParams }>(`${base}/os-availability-zone`, (request) => {
    ctx.caller(request);
    return { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] };
  });

  app.get<{ Params: ProjectParams }>(`${base}/limits`, (request) => {
    const caller = ctx.caller(request);
    const limits = quotaFor(ctx, caller.projectId);
    const used = usageFor(ctx, caller.projectId);
    return {
      limits: {
        rate: [],
        absolute: {
          maxTotalVolumes: limits.volumes,
          maxTotalSnapshots: limits.snapshots,
          maxTotalVolumeGigabytes: limits.gigabytes,
          maxTotalBackups: limits.backups,
          maxTotalBackupGigabytes: limits.backup_gigabytes,
          totalVolumesUsed: used.volumes,
          totalSnapshotsUsed: used.snapshots,
          totalGigabytesUsed: used.gigabytes,
          totalBackupsUsed: used.backups,
          totalBackupGigabytesUsed: used.backup_gigabytes,
        },
      },
    };
  });
};
