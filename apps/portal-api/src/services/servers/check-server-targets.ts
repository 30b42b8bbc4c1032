import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';

/** What a create (or a rebuild) names in the cloud; every id must be the project's to use. */
export type ServerTargets = {
  imageId?: string;
  networkIds?: string[];
  serverGroupId?: string;
  availabilityZone?: string;
};

const TTL_MS = 15_000;
const cache = new WeakMap<CloudProvider, Map<string, { at: number; value: Promise<unknown> }>>();

/**
 * One look-up per provider, project and kind every 15 s: a burst of creates in one project
 * asks the cloud once (a failed look-up is not kept; the caller sees it).
 */
const cached = <T>(provider: CloudProvider, key: string, load: () => Promise<T>): Promise<T> => {
  const now = Date.now();
  let entries = cache.get(provider);
  if (!entries)
    cache.set(provider, (entries = new Map<string, { at: number; value: Promise<unknown> }>()));
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at: now, value });
  void value.catch(() => entries.delete(key));
  return value;
};

const unknownTarget = (field: string, id: string, datacenter: string) =>
  new DomainError('NOT_FOUND', `${field} ${id} not usable in this project`, {
    reason: 'server_target_unknown',
    params: { field, id, datacenter },
  });

/**
 * The service account holds admin on tenant projects, so Nova would accept another tenant's
 * network or private image, or an `az:host` pin. Only what the project's scope lists (the
 * adapter filters to its own, shared and public objects) may be named; otherwise 404 by field.
 */
export const assertServerTargets = async (
  provider: CloudProvider,
  scope: Scope,
  datacenter: { name: string },
  targets: ServerTargets,
  requestId: string,
): Promise<void> => {
  const options = { requestId };
  const project = scope.projectExternalId;
  // An unreachable datacenter is a 503 (datacenter_offline), not a 500.
  const [images, networks, groups, zones] = await withCloudErrors(datacenter.name, () =>
    Promise.all([
      targets.imageId
        ? cached(provider, `images:${project}`, () => provider.listImages(scope, options))
        : null,
      targets.networkIds?.length
        ? cached(provider, `networks:${project}`, () => provider.listNetworks(scope, options))
        : null,
      targets.serverGroupId
        ? cached(provider, `groups:${project}`, () => provider.listServerGroups(scope, options))
        : null,
      targets.availabilityZone
        ? cached(provider, 'zones', () => provider.listAvailabilityZones(options))
        : null,
    ]),
  );
  if (targets.imageId && !images?.some((i) => i.externalId === targets.imageId))
    throw unknownTarget('imageId', targets.imageId, datacenter.name);
  for (const id of targets.networkIds ?? [])
    if (!networks?.some((n) => n.externalId === id))
      throw unknownTarget('networkIds', id, datacenter.name);
  if (targets.serverGroupId && !groups?.some((g) => g.externalId === targets.serverGroupId))
    throw unknownTarget('serverGroupId', targets.serverGroupId, datacenter.name);
  const zone = targets.availabilityZone;
  if (zone !== undefined && (zone.includes(':') || !zones?.some((z) => z.name === zone)))
    throw unknownTarget('availabilityZone', zone, datacenter.name);
};
