import type { AppCredential } from '@yunguan/contract';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { appCredentialAccess } from './app-credential-access';
import { appCredentialsOf } from '../../cloud/sub-port';

/** The caller's own application credentials in the project (never secrets). */
export const listAppCredentials = async (
  ctx: ServiceContext,
  args: { projectId: string; datacenterId: string },
): Promise<{ items: AppCredential[] }> => {
  const { provider, datacenter, scope, options, owner, project } = await appCredentialAccess(
    ctx,
    args.datacenterId,
    args.projectId,
  );
  const found = await withCloudErrors(datacenter.name, () =>
    appCredentialsOf(provider).listAppCredentials(scope, owner, options),
  );
  return {
    items: found.map((c) => ({
      id: c.externalId,
      name: c.name,
      datacenterId: datacenter.id,
      projectId: project.id,
      expiresAt: c.expiresAt,
    })),
  };
};
