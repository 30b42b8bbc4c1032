import type { ResourceListQuery } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { listProjectResources } from '../resources/list-project-resources';
import { projectCloud } from '../project-cloud';
import { securityGroupSeen } from './network-observations';
import { refreshMirror } from './refresh-mirror';
import { networkOf } from '../../cloud/sub-port';

/**
 * The project's security groups with their rules, from the mirror. With datacenterId the
 * datacenter is read live first (the cloud makes each project's `default` group itself, so
 * only a live read shows it) and the mirror refreshed.
 */
export const listSecurityGroups = async (
  ctx: ServiceContext,
  projectId: string,
  query: ResourceListQuery,
) => {
  const project = await findProjectFor(ctx, projectId, 'resource.read');
  if (query.datacenterId) {
    const cloud = await projectCloud(ctx, project.id, query.datacenterId);
    const readAt = ctx.now();
    const live = await cloud.call(() =>
      networkOf(cloud.provider).listSecurityGroupDetails(cloud.scope, cloud.options),
    );
    await refreshMirror(ctx, {
      datacenterId: cloud.datacenter.id,
      projectId: project.id,
      kind: 'security-group',
      seen: live.map(securityGroupSeen),
      readAt,
    });
  }
  return listProjectResources(ctx, project.id, 'security-group', query);
};
