import type { ResourceListQuery } from '@yunguan/contract';
import { listLiveResourcesByExternalIds } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { listProjectResources, withActiveTasks } from '../resources/list-project-resources';
import { projectCloud } from '../project-cloud';
import { networkItemFor } from './network-item-view';
import { networkSeen } from './network-observations';
import { pageRows } from './page-rows';
import { refreshMirror } from './refresh-mirror';
import { networkOf } from '../../cloud/sub-port';

/**
 * Networks of a project. Without datacenterId: the project's own networks from the mirror.
 * With datacenterId: the datacenter is read live (listNetworkDetails — the project's own plus
 * shared and external ones), the mirror is refreshed with what was seen (own networks missing
 * from the cloud are marked deleted), and the answer holds own and usable networks (owned
 * false; reduced by networkItemFor: another tenant's ids, task and provider attributes are
 * not shown). Filter, search, sort and pages apply to the whole set.
 */
export const listNetworks = async (
  ctx: ServiceContext,
  projectId: string,
  query: ResourceListQuery,
) => {
  const project = await findProjectFor(ctx, projectId, 'resource.read');
  if (!query.datacenterId) {
    const page = await listProjectResources(ctx, project.id, 'network', query);
    return {
      ...page,
      items: page.items.map((i) => networkItemFor(ctx, i, project.id)),
      liveAt: null,
    };
  }
  const cloud = await projectCloud(ctx, project.id, query.datacenterId);
  const readAt = ctx.now();
  const live = await cloud.call(() =>
    networkOf(cloud.provider).listNetworkDetails(cloud.scope, cloud.options),
  );
  await refreshMirror(ctx, {
    datacenterId: cloud.datacenter.id,
    projectId: project.id,
    kind: 'network',
    seen: live.map(networkSeen),
    readAt,
  });
  const usable = await listLiveResourcesByExternalIds(
    ctx.db,
    cloud.datacenter.id,
    'network',
    live.map((n) => n.externalId),
  );
  const { rows, total } = pageRows(usable, query);
  const items = await withActiveTasks(ctx, 'network', rows);
  return {
    items: items.map((i) => networkItemFor(ctx, i, project.id)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    liveAt: readAt.toISOString(),
  };
};
