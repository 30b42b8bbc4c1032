import type { ServerListQuery } from '@yunguan/contract';
import { listServerRows } from '../../repositories/server-repository';
import { csvCell } from '../audit/export-audit-csv';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { toServer } from './to-server';

const columns = [
  'id',
  'name',
  'status',
  'externalId',
  'datacenterId',
  'flavor',
  'vcpus',
  'ramMb',
  'addresses',
  'availabilityZone',
  'createdAt',
  'observedAt',
] as const;

/** Permission is checked before the first byte: call `checkServerExport` from the route first. */
export const checkServerExport = (ctx: ServiceContext, projectId: string) =>
  findProjectFor(ctx, projectId, 'resource.read');

/** Every matching server, in pages of 500, as CSV (same rules as the audit export). */
export async function* exportServersCsv(
  ctx: ServiceContext,
  projectId: string,
  query: ServerListQuery,
): AsyncGenerator<string> {
  const project = await checkServerExport(ctx, projectId);
  yield `\uFEFF${columns.join(',')}\r\n`;
  for (let page = 1; ; page += 1) {
    const { rows } = await listServerRows(
      ctx.db,
      {
        projectId: project.id,
        includeDeleted: query.includeDeleted,
        ...(query.status ? { status: query.status } : {}),
        ...(query.datacenterId ? { datacenterId: query.datacenterId } : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      query.sort,
      page,
      500,
    );
    if (rows.length === 0) return;
    yield rows
      .map((row) => {
        const s = toServer(row, project.departmentId, null);
        const cells: Record<(typeof columns)[number], string | null> = {
          id: s.id,
          name: s.name,
          status: s.status,
          externalId: s.externalId,
          datacenterId: s.datacenterId,
          flavor: s.flavor?.name ?? null,
          vcpus: s.flavor ? String(s.flavor.vcpus) : null,
          ramMb: s.flavor ? String(s.flavor.ramMb) : null,
          addresses: s.addresses.map((a) => a.ip).join(' '),
          availabilityZone: s.availabilityZone,
          createdAt: s.createdAt,
          observedAt: s.observedAt,
        };
        return columns.map((c) => csvCell(cells[c])).join(',') + '\r\n';
      })
      .join('');
    if (rows.length < 500) return;
  }
}
