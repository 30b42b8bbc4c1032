import type { ResourceKind } from '@yunguan/contract';
import type { ResourceRow } from '../../repositories/resource-repository';

export type ActiveTaskRef = { id: string; action: string; status: string } | null;

/** A mirror row as the API shows it; `spec` is the cloud-core DTO the task or sync saw. */
export const toResourceItem = (row: ResourceRow, activeTask: ActiveTaskRef) => ({
  id: row.id,
  kind: row.type as ResourceKind,
  datacenterId: row.datacenterId,
  projectId: row.projectId,
  externalId: row.externalId,
  name: row.name,
  status: row.status,
  spec: (row.spec ?? {}) as Record<string, unknown>,
  activeTask,
  firstSeenAt: row.firstSeenAt.toISOString(),
  observedAt: row.lastSeenAt.toISOString(),
  deletedAt: row.deletedAt?.toISOString() ?? null,
});
export type ResourceItem = ReturnType<typeof toResourceItem>;
