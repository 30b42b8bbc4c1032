import type { Datacenter } from '@yunguan/contract';
import { assertHas, platformTarget } from '@yunguan/domain';
import { listDatacenterRows } from '../../repositories/datacenter-repository';
import type { ServiceContext } from '../context';
import { toDatacenter } from './to-datacenter';

export const listDatacenters = async (
  ctx: ServiceContext,
  input: { page: number; pageSize: number; q?: string },
): Promise<{ items: Datacenter[]; total: number; page: number; pageSize: number }> => {
  assertHas(ctx.principal, 'datacenter.read', platformTarget);
  const { rows, total } = await listDatacenterRows(ctx.db, input);
  const now = ctx.now();
  const items = await Promise.all(
    rows.map((r) => toDatacenter(ctx.config.tunnel.registry, r, now)),
  );
  return { items, total, page: input.page, pageSize: input.pageSize };
};
