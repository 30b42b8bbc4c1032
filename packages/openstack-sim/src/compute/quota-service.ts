import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, type QuotaSet } from './compute-state';
import { liveServers } from './server-service';

export const quotaFor = (ctx: SimContext, projectId: string): QuotaSet => {
  const compute = computeOf(ctx);
  return { ...compute.quotaDefaults, ...compute.quotas[projectId] };
};

export const usageFor = (ctx: SimContext, projectId: string) => {
  const servers = liveServers(ctx).filter((s) => s.projectId === projectId);
  const compute = computeOf(ctx);
  return {
    instances: servers.length,
    cores: servers.reduce((n, s) => n + s.flavor.vcpus, 0),
    ram: servers.reduce((n, s) => n + s.flavor.ram, 0),
    server_groups: compute.serverGroups.filter((g) => g.projectId === projectId).length,
    key_pairs: 0,
  };
};

/**
 * Nova's quota check on create / resize: 403 with
 * "Quota exceeded for cores: Requested 8, but already used 20 of 20 cores".
 */
export const checkServerQuota = (
  ctx: SimContext,
  projectId: string,
  wanted: { instances: number; cores: number; ram: number },
) => {
  const quota = quotaFor(ctx, projectId);
  const used = usageFor(ctx, projectId);
  for (const resource of ['instances', 'cores', 'ram'] as const) {
    const limit = quota[resource];
    const requested = wanted[resource];
    if (limit >= 0 && requested > 0 && used[resource] + requested > limit)
      throw novaError(
        'forbidden',
        `Quota exceeded for ${resource}: Requested ${requested}, but already used ${used[resource]} of ${limit} ${resource}`,
      );
  }
};
