import { can, platformTarget } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import type { ResourceItem } from '../resources/to-resource-item';

/** Provider attributes only compute.admin sees (the adapter reads them with an admin token). */
const adminOnly = ['physicalNetwork', 'segmentationId'] as const;

/**
 * A network item as this caller may see it. The project's own network: whole, but without the
 * physical network and segmentation id unless the caller has compute.admin (the type — flat,
 * vlan, vxlan — stays). A shared or external network of another project (or of no portal
 * project): the other tenant's portal project, cloud project and running task are left out,
 * and so are all provider attributes unless the caller has compute.admin.
 */
export const networkItemFor = (
  ctx: ServiceContext,
  item: ResourceItem,
  ownProjectId: string | null,
): ResourceItem & { owned: boolean } => {
  const admin = can(ctx.principal, 'compute.admin', platformTarget);
  const owned = ownProjectId !== null && item.projectId === ownProjectId;
  const spec = { ...item.spec };
  if (!admin) for (const field of adminOnly) delete spec[field];
  if (owned) return { ...item, spec, owned };
  delete spec.projectExternalId;
  if (!admin) delete spec.providerType;
  return { ...item, projectId: null, activeTask: null, spec, owned };
};
