import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { appCredentialAccess } from './app-credential-access';
import { appCredentialsOf } from '../../cloud/sub-port';

/** Revoke one of the caller's application credentials (idempotent). */
export const deleteAppCredential = async (
  ctx: ServiceContext,
  args: { projectId: string; datacenterId: string; credentialId: string },
): Promise<void> => {
  const { provider, datacenter, scope, options, owner, project } = await appCredentialAccess(
    ctx,
    args.datacenterId,
    args.projectId,
  );
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
