import { assertCan, notFound, platformTarget, type Permission } from '@yunguan/domain';
import { findDatacenterRow, type DatacenterRow } from '../../repositories/datacenter-repository';
import type { DbClient } from '../../repositories/db-client';
import type { ServiceContext } from '../context';

/** Datacenters are platform objects: only holders of datacenter.* (super admins) see them. */
export const findDatacenterFor = async (
  ctx: ServiceContext,
  id: string,
  permission: Permission,
  db: DbClient = ctx.db,
): Promise<DatacenterRow> => {
  assertCan(ctx.principal, permission, platformTarget, 'datacenter.read', 'datacenter');
  const row = await findDatacenterRow(db, id);
  if (!row) throw notFound('datacenter', id);
  return row;
};
