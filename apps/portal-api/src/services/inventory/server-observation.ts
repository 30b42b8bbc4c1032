import type { ServerDto } from '@yunguan/cloud-core';
import type { ResourceUpsert } from '../../repositories/resource-repository';

/** The mirror's `type` for servers; more types (volume, network, image, …) follow. */
export const SERVER_TYPE = 'server';

/** Everything about a server except what has its own column (id, name, status). */
export const serverSpecOf = (server: ServerDto) => ({
  rawStatus: server.rawStatus,
  taskState: server.taskState,
  flavor: server.flavor,
  imageExternalId: server.imageExternalId,
  availabilityZone: server.availabilityZone,
  host: server.host,
  addresses: server.addresses,
  keyName: server.keyName,
  securityGroups: server.securityGroups,
  volumeExternalIds: server.volumeExternalIds,
  locked: server.locked,
  fault: server.fault,
  metadata: server.metadata,
  createdAt: server.createdAt,
  updatedAt: server.updatedAt,
});
export type ServerSpec = ReturnType<typeof serverSpecOf>;

/** A server as a mirror row; projectId from the datacenter's tenant bindings. */
export const toServerUpsert = (
  server: ServerDto,
  projectsByExternalId: ReadonlyMap<string, string>,
): ResourceUpsert => ({
  externalId: server.externalId,
  projectId: projectsByExternalId.get(server.projectExternalId) ?? null,
  projectExternalId: server.projectExternalId,
  name: server.name,
  status: server.status,
  spec: serverSpecOf(server),
});

/** Deep equality of JSON values, key order ignored (jsonb reorders keys); no stringifying. */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && sameJson(left[k], right[k]));
};
