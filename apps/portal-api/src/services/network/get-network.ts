import type { NetworkDetailDto } from '@yunguan/cloud-core';
import { can, hasAnyGrantOf, notFound } from '@yunguan/domain';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import { findProjectRow } from '../../repositories/project-repository';
import type { ServiceContext } from '../context';
import { withActiveTasks } from '../resources/list-project-resources';
import { toResourceItem } from '../resources/to-resource-item';
import { networkItemFor } from './network-item-view';

/**
 * One network from the mirror. A network of a project the caller can read is shown as that
 * project's own (owned: true); a shared or external network of another tenant — which every
 * project may use — as the reduced item the network list shows (owned: false, no owner, task
 * or provider attributes); anything else does not exist for the caller (404).
 */
export const getNetwork = async (ctx: ServiceContext, id: string) => {
  const row = await findResourceRowOfKind(ctx.db, id, 'network');
  if (!row || row.deletedAt) throw notFound('network', id);
  const project = row.projectId ? await findProjectRow(ctx.db, row.projectId) : null;
  if (
    project &&
    can(ctx.principal, 'resource.read', {
      departmentId: project.departmentId,
      projectId: project.id,
    })
  ) {
    const [item] = await withActiveTasks(ctx, 'network', [row]);
    return networkItemFor(ctx, item!, project.id);
  }
  const spec = row.spec as unknown as NetworkDetailDto;
  if ((spec.shared || spec.external) && hasAnyGrantOf(ctx.principal, 'resource.read'))
    return networkItemFor(ctx, toResourceItem(row, null), null);
  throw notFound('network', id);
};
