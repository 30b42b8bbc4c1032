import type { CloudProvider, FlavorDto } from '@yunguan/cloud-core';
import { precondition } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';

const TTL_MS = 60_000;
const cache = new WeakMap<CloudProvider, { at: number; flavors: Promise<FlavorDto[]> }>();

/** The datacenter's flavors, asked at most once a minute per provider (flavors rarely change). */
const flavorsOf = (provider: CloudProvider, now: number): Promise<FlavorDto[]> => {
  const hit = cache.get(provider);
  if (hit && now - hit.at < TTL_MS) return hit.flavors;
  const flavors = provider.listFlavors();
  cache.set(provider, { at: now, flavors });
  void flavors.catch(() => cache.delete(provider)); // a failed look-up is not cached; the caller sees it
  return flavors;
};

/** A flavor by the cloud's id (or name), to know its vCPUs and RAM for the quota. */
export const resolveFlavor = async (
  provider: CloudProvider,
  datacenter: { name: string },
  flavorId: string,
  now = Date.now(),
): Promise<FlavorDto> => {
  // A datacenter that cannot be reached is a 503 in words, not a 500.
  const flavors = await withCloudErrors(datacenter.name, () => flavorsOf(provider, now));
  const flavor =
    flavors.find((f) => f.externalId === flavorId) ?? flavors.find((f) => f.name === flavorId);
  if (!flavor)
    throw precondition('flavor_unknown', { flavor: flavorId, datacenter: datacenter.name });
  return flavor;
};
