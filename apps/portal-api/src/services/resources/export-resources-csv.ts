import type { ResourceKind, ResourceListQuery } from '@yunguan/contract';
import { listResourceRows } from '../../repositories/project-resource-repository';
import { csvCell } from '../audit/export-audit-csv';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { filterOf } from './list-project-resources';
import { toResourceItem, type ResourceItem } from './to-resource-item';

/** Extra columns of a kind, read from the item's spec (e.g. a volume's sizeGb). */
export type CsvColumns = Record<string, (item: ResourceItem) => string | number | boolean | null>;

/** Permission is checked before the first byte: call it from the route first. */
export const checkResourceExport = (ctx: ServiceContext, projectId: string) =>
  findProjectFor(ctx, projectId, 'resource.read');

/** Every matching object of one kind, in pages of 500, as CSV (same rules as the audit export). */
export async function* exportResourcesCsv(
  ctx: ServiceContext,
  projectId: string,
  kind: ResourceKind,
  query: ResourceListQuery,
  extra: CsvColumns = {},
): AsyncGenerator<string> {
  const project = await checkResourceExport(ctx, projectId);
  const base = ['id', 'name', 'status', 'externalId', 'datacenterId'];
  const tail = ['firstSeenAt', 'observedAt', 'deletedAt'];
  yield `\uFEFF${[...base, ...Object.keys(extra), ...tail].join(',')}\r\n`;
  for (let page = 1; ; page += 1) {
    const { rows } = await listResourceRows(
      ctx.db,
      filterOf(project.id, kind, query),
      query.sort,
      page,
      500,
    );
    if (rows.length === 0) return;
    yield rows
      .map((row) => {
        const item = toResourceItem(row, null);
        const cells = [
          item.id,
          item.name,
          item.status,
          item.externalId,
          item.datacenterId,
          ...Object.values(extra).map((get) => {
            const v = get(item);
            return v === null ? null : String(v);
          }),
          item.firstSeenAt,
          item.observedAt,
          item.deletedAt,
        ];
        return `${cells.map((c) => csvCell(c)).join(',')}\r\n`;
      })
      .join('');
    if (rows.length < 500) return;
  }
}
