import type { NetworkDetailDto } from '@yunguan/cloud-core';
import { notFound, precondition } from '@yunguan/domain';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';

export type UsableNetwork = { row: ResourceRow; spec: NetworkDetailDto; owned: boolean };

/**
 * A network (mirror id) the project may use: its own, or a shared or external one. Anything
 * else — another tenant's private network, a deleted one — does not exist for it (404).
 * With `datacenterId` the network must be in that datacenter.
 */
export const findUsableNetwork = async (
  ctx: ServiceContext,
  project: Pick<ProjectRow, 'id'>,
  id: string,
  datacenterId?: string,
): Promise<UsableNetwork> => {
  const row = await findResourceRowOfKind(ctx.db, id, 'network');
  if (!row || row.deletedAt) throw notFound('network', id);
  const spec = row.spec as unknown as NetworkDetailDto;
  const owned = row.projectId === project.id;
  if (!owned && !spec.shared && !spec.external) throw notFound('network', id);
  if (datacenterId && row.datacenterId !== datacenterId)
    throw precondition('network_datacenter_mismatch', {
      kind: 'network',
      name: row.name,
    });
  return { row, spec, owned };
};

/** An external network for a router gateway or a floating IP. */
export const findExternalNetwork = async (
  ctx: ServiceContext,
  project: Pick<ProjectRow, 'id'>,
  id: string,
  datacenterId: string,
): Promise<UsableNetwork> => {
  const network = await findUsableNetwork(ctx, project, id, datacenterId);
  if (!network.spec.external)
    throw precondition('network_not_external', { network: network.row.name });
  return network;
};
