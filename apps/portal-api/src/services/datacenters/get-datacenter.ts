import type { Datacenter } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from './find-datacenter-for';
import { toDatacenter } from './to-datacenter';

export const getDatacenter = async (ctx: ServiceContext, id: string): Promise<Datacenter> =>
  toDatacenter(
    ctx.config.tunnel.registry,
    await findDatacenterFor(ctx, id, 'datacenter.read'),
    ctx.now(),
  );
