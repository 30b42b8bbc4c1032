import { CloudError, isCloudError, type CallOptions, type Scope } from '@yunguan/cloud-core';
import type { Call } from '../service-client';

/** Neutron and Octavia records name their project in either field. */
export type Owned = { project_id?: string | null; tenant_id?: string | null };

export const ownerOf = (record: Owned): string => record.project_id ?? record.tenant_id ?? '';

export const inProject = (scope: Scope, options?: CallOptions): Call => ({
  scope: { projectId: scope.projectExternalId },
  options,
});

export const isNotFound = (error: unknown): boolean =>
  isCloudError(error) && error.kind === 'not-found';

/**
 * The project's token carries the admin role, so the cloud shows every project's objects: an
 * object of another project is, for the scope, one that does not exist.
 */
export const notInScope = (service: string, path: string, scope: Scope) =>
  new CloudError({
    kind: 'not-found',
    provider: 'openstack',
    service,
    method: 'GET',
    url: path,
    expected: [200],
    actual: 200,
    upstreamMessage: `${path} could not be found in project ${scope.projectExternalId}.`,
  });

/** Fetch one object and keep it only when the scope may see it (its own, by default). */
export const inScope = async <T extends Owned>(
  scope: Scope,
  where: { service: string; path: string },
  fetch: () => Promise<T>,
  visible: (record: T) => boolean = (record) => ownerOf(record) === scope.projectExternalId,
): Promise<T> => {
  const record = await fetch();
  if (!visible(record)) throw notInScope(where.service, where.path, scope);
  return record;
};

/**
 * Idempotent delete: an object already gone (404 on the look-up or on the delete) is fine; an
 * object of another project is refused as not-found and left alone.
 */
export const deleteInScope = async <T extends Owned>(
  scope: Scope,
  where: { service: string; path: string },
  fetch: () => Promise<T>,
  remove: (record: T) => Promise<void>,
): Promise<void> => {
  let record: T;
  try {
    record = await fetch();
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  if (ownerOf(record) !== scope.projectExternalId) {
    throw notInScope(where.service, where.path, scope);
  }
  try {
    await remove(record);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
};

/** A request body without the keys whose value is null or undefined (gophercloud's omitempty). */
export const present = <T extends Record<string, unknown>>(
  body: T,
): { [K in keyof T]?: Exclude<T[K], null> } =>
  Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== null && value !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
