import type { PortDto } from '@yunguan/cloud-core';
import type { ResourceListQuery } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import { listLiveResourcesByExternalIds } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { listProjectResources, withActiveTasks } from '../resources/list-project-resources';
import { findServerFor } from '../servers/find-server-for';
import { projectCloud } from '../project-cloud';
import { portSeen } from './network-observations';
import { pageRows } from './page-rows';
import { refreshMirror } from './refresh-mirror';
import { findUsableNetwork } from './usable-network';
import { networkOf } from '../../cloud/sub-port';

type PortQuery = ResourceListQuery & {
  serverId?: string | undefined;
  networkId?: string | undefined;
};

/**
 * The project's ports. From the mirror, or — with serverId or networkId — live from the cloud:
 * that server's (or network's) ports of the project, written to the mirror (rows of that
 * server or network the cloud no longer has are marked deleted).
 */
export const listPorts = async (ctx: ServiceContext, projectId: string, query: PortQuery) => {
  const project = await findProjectFor(ctx, projectId, 'resource.read');
  if (!query.serverId && !query.networkId)
    return listProjectResources(ctx, project.id, 'port', query);
  let datacenterId: string;
  let filter: { deviceExternalId?: string; networkExternalId?: string };
  let covers: (spec: PortDto) => boolean;
  if (query.serverId) {
    const { server, project: owner } = await findServerFor(ctx, query.serverId, 'resource.read');
    if (owner.id !== project.id) throw notFound('server', query.serverId);
    datacenterId = server.datacenterId;
    filter = { deviceExternalId: server.externalId };
    covers = (p) => p.deviceExternalId === server.externalId;
  } else {
    const network = await findUsableNetwork(ctx, project, query.networkId!);
    datacenterId = network.row.datacenterId;
    filter = { networkExternalId: network.row.externalId };
    covers = (p) => p.networkExternalId === network.row.externalId;
  }
  const cloud = await projectCloud(ctx, project.id, datacenterId);
  const readAt = ctx.now();
  const live = await cloud.call(() =>
    networkOf(cloud.provider).listPorts(cloud.scope, filter, cloud.options),
  );
  await refreshMirror(ctx, {
    datacenterId,
    projectId: project.id,
    kind: 'port',
    seen: live.map(portSeen),
    readAt,
    covers: (row) => covers(row.spec as unknown as PortDto),
  });
  const rows = await listLiveResourcesByExternalIds(
    ctx.db,
    datacenterId,
    'port',
    live.map((p) => p.externalId),
  );
  const page = pageRows(rows, query);
  return {
    items: await withActiveTasks(ctx, 'port', page.rows),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
