import type { ResourceListQuery } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { listProjectResources } from '../resources/list-project-resources';
import { withFloatingIpServers } from './floating-ip-servers';

/** The project's floating IPs from the mirror, each naming the server it points at. */
export const listFloatingIps = async (
  ctx: ServiceContext,
  projectId: string,
  query: ResourceListQuery,
) => {
  const page = await listProjectResources(ctx, projectId, 'floating-ip', query);
  return { ...page, items: await withFloatingIpServers(ctx, page.items) };
};
