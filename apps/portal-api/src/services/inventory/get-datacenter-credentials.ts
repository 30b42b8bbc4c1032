import type { DatacenterCredentials } from '@yunguan/contract';
import { findDatacenterCredential } from '../../repositories/datacenter-credential-repository';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { toCredentials } from './to-credentials';

export const getDatacenterCredentials = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<DatacenterCredentials> => {
  await findDatacenterFor(ctx, datacenterId, 'datacenter.read');
  return toCredentials(await findDatacenterCredential(ctx.db, datacenterId));
};
