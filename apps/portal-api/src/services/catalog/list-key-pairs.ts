import type { KeyPairDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { projectCatalogAccess } from './catalog-access';
import { keyPairsOf } from '../../cloud/sub-port';

/** Read through the provider in the project's cloud scope (no cache: project-specific). */
export const listKeyPairs = async (
  ctx: ServiceContext,
  datacenterId: string,
  projectId: string,
): Promise<{ items: KeyPairDto[] }> => {
  const { provider, datacenter, scope, options } = await projectCatalogAccess(
    ctx,
    datacenterId,
    projectId,
  );
  return {
    items: await withCloudErrors(datacenter.name, () =>
      keyPairsOf(provider).listKeyPairs(scope, options),
    ),
  };
};
