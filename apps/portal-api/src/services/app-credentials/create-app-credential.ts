import { isCloudError } from '@yunguan/cloud-core';
import type { CreatedAppCredential } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { domainErrorOfCloud } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { appCredentialAccess } from './app-credential-access';
import { cloudsYamlOf, openrcOf, placeholderAuthUrl } from './credential-files';
import { appCredentialsOf } from '../../cloud/sub-port';

/**
 * An application credential for the caller's own cloud user in the project (member role only),
 * returned once as clouds.yaml and openrc. The secret is never stored or logged; the audit row
 * names the credential only.
 */
export const createAppCredential = async (
  ctx: ServiceContext,
  projectId: string,
  input: { datacenterId: string; name: string; expiresAt?: string | undefined },
): Promise<CreatedAppCredential> => {
  const access = await appCredentialAccess(ctx, input.datacenterId, projectId);
  const { provider, datacenter, scope, options, owner, project } = access;
  let created;
  try {
    created = await appCredentialsOf(provider).createAppCredential(
      scope,
      owner,
      { name: input.name, ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}) },
      options,
    );
  } catch (error) {
    if (isCloudError(error) && error.kind === 'not-found' && error.service === 'identity')
      throw new DomainError('PRECONDITION_FAILED', 'no application credentials', {
        reason: 'app_credentials_unavailable',
        params: { datacenter: datacenter.name, message: error.upstreamMessage ?? '' },
      });
    throw domainErrorOfCloud(error, datacenter.name);
  }
  const authUrl = placeholderAuthUrl(access.authPath);
  const files = {
    cloudName: `yg-${datacenter.name}-${input.name}`.replace(/[^A-Za-z0-9._-]/g, '-'),
    authUrl,
    regionName: access.regionName,
    id: created.externalId,
    secret: created.secret ?? '',
  };
  await recordAudit(ctx.db, ctx, {
    action: 'app-credential.create',
    targetType: 'app-credential',
    targetId: created.externalId,
    targetName: created.name,
    departmentId: project.departmentId,
    projectId: project.id,
    detail: { datacenterId: datacenter.id, expiresAt: created.expiresAt },
  });
  ctx.audit.written = true;
  return {
    id: created.externalId,
    name: created.name,
    datacenterId: datacenter.id,
    projectId: project.id,
    expiresAt: created.expiresAt,
    clouds_yaml: cloudsYamlOf(files),
    openrc: openrcOf(files),
    authUrl,
    authUrlConfigured: false,
  };
};
