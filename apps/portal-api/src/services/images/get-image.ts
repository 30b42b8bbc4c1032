import type { ImageDetailDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { projectCatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';

/** One image the project can see (public or its own), with the cloud's checksums. */
export const getImage = async (
  ctx: ServiceContext,
  args: { projectId: string; imageId: string; datacenterId: string },
): Promise<ImageDetailDto> => {
  const { provider, datacenter, scope, options } = await projectCatalogAccess(
    ctx,
    args.datacenterId,
    args.projectId,
  );
  return withCloudErrors(datacenter.name, () => provider.getImage(scope, args.imageId, options));
};
