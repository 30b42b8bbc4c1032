import type { Quota } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findQuotaFor, viewOfRow } from './find-visible-quota';

export const getQuota = async (ctx: ServiceContext, id: string): Promise<Quota> =>
  viewOfRow(ctx.db, await findQuotaFor(ctx, id, 'quota.read'));
