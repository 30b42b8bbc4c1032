import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { projectCatalogAccess } from './catalog-access';
import { keyPairsOf } from '../../cloud/sub-port';

/** Delete a key pair in the project's scope; servers already booted with it keep the key. */
export const deleteKeyPair = async (
  ctx: ServiceContext,
  datacenterId: string,
  input: { projectId: string; name: string },
): Promise<void> => {
  const { provider, datacenter, scope, options, project } = await projectCatalogAccess(
    ctx,
    datacenterId,
    input.projectId,
    'resource.use',
  );
  await withCloudErrors(datacenter.name, () =>
    keyPairsOf(provider).deleteKeyPair(scope, input.name, options),
  );
  await recordAudit(ctx.db, ctx, {
    action: 'key-pair.delete',
    targetType: 'key-pair',
    targetId: `${datacenterId}/${input.name}`,
    targetName: input.name,
    departmentId: project.departmentId,
    projectId: project.id,
    detail: { datacenter: datacenter.name },
  });
};
