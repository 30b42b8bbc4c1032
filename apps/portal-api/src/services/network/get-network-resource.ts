import type { ResourceKind } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { withActiveTasks } from '../resources/list-project-resources';

/** One network object (network, subnet, port, router, floating IP, security group) from the mirror. */
export const getNetworkResource = async (ctx: ServiceContext, kind: ResourceKind, id: string) => {
  const { row } = await findResourceFor(ctx, kind, id, 'resource.read');
  const [item] = await withActiveTasks(ctx, kind, [row]);
  return item!;
};
