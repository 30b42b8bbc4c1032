import type { KeyPairDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { projectCatalogAccess } from './catalog-access';
import { keyPairsOf } from '../../cloud/sub-port';

/**
 * Import a public key or have the cloud generate a pair in the project's scope. A generated
 * private key is in this answer only: the portal never stores it.
 */
export const createKeyPair = async (
  ctx: ServiceContext,
  datacenterId: string,
  input: { projectId: string; name: string; publicKey?: string },
): Promise<KeyPairDto> => {
  const { provider, datacenter, scope, options, project } = await projectCatalogAccess(
    ctx,
    datacenterId,
    input.projectId,
    'resource.use',
  );
  const created = await withCloudErrors(datacenter.name, () =>
    keyPairsOf(provider).createKeyPair(
      scope,
      { name: input.name, ...(input.publicKey ? { publicKey: input.publicKey } : {}) },
      options,
    ),
  );
  await recordAudit(ctx.db, ctx, {
    action: 'key-pair.create',
    targetType: 'key-pair',
    targetId: `${datacenterId}/${input.name}`,
    targetName: input.name,
    departmentId: project.departmentId,
    projectId: project.id,
    detail: {
      datacenter: datacenter.name,
      generated: !input.publicKey,
      fingerprint: created.fingerprint,
    },
  });
  return created;
};
