import type { DatacenterCredentials } from '@yunguan/contract';
import { readCredential } from '../../cloud/credential-store';
import { findDatacenterCredential } from '../../repositories/datacenter-credential-repository';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { toCredentials } from './to-credentials';

export const getDatacenterCredentials = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<DatacenterCredentials> => {
  const datacenter = await findDatacenterFor(ctx, datacenterId, 'datacenter.read');
  const row = await findDatacenterCredential(ctx.db, datacenterId);
  if (!row) return toCredentials(null, null);
  const { shown } = await readCredential(ctx, row, datacenter.name);
  return toCredentials(row, shown);
};
