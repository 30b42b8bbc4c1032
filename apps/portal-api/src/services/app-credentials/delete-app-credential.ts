import { notFound } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { appCredentialAccess } from './app-credential-access';
import { appCredentialsOf } from '../../cloud/sub-port';

/**
 * Revoke one of the caller's application credentials in the project. A credential the caller
 * cannot see (another user's, another project's, already gone) answers 404 — the failure row is
 * written by the failure audit hook — never a success for something that was not deleted.
 */
export const deleteAppCredential = async (
  ctx: ServiceContext,
  args: { projectId: string; datacenterId: string; credentialId: string },
): Promise<void> => {
  const { provider, datacenter, scope, options, owner, project } = await appCredentialAccess(
    ctx,
    args.datacenterId,
    args.projectId,
  );
  const own = await withCloudErrors(datacenter.name, () =>
    appCredentialsOf(provider).listAppCredentials(scope, owner, options),
  );
  if (!own.some((c) => c.externalId === args.credentialId))
    throw notFound('application credential', args.credentialId);
  await withCloudErrors(datacenter.name, () =>
    appCredentialsOf(provider).deleteAppCredential(scope, owner, args.credentialId, options),
  );
  await recordAudit(ctx.db, ctx, {
    action: 'app-credential.delete',
    targetType: 'app-credential',
    targetId: args.credentialId,
    departmentId: project.departmentId,
    projectId: project.id,
    detail: { datacenterId: datacenter.id },
  });
  ctx.audit.written = true;
};
