import type { KnownDifference } from './compare';

/**
 * Where real Zed (as infra/dev/openstack/up.sh runs it: Nova's fake driver, Cinder's fake logging
 * driver, no cinder-backup, no Octavia, no FWaaS) cannot do what the simulator does. Each entry
 * is asserted: the suite fails when the difference disappears, so the list never goes stale.
 */
export const knownDifferences: KnownDifference[] = [];
