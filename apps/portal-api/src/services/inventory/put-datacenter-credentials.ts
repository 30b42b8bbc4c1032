import type { DatacenterCredentials, DatacenterCredentialsInput } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import { forgetProvider } from '../../cloud/provider-for-datacenter';
import { upsertDatacenterCredential } from '../../repositories/datacenter-credential-repository';
import { inTransaction } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import { forgetCatalog } from '../catalog/catalog-cache';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { toCredentials } from './to-credentials';
import { verifyCredentials, type Verification } from './verify-credentials';

/**
 * Set the datacenter's cloud service account. The password is sealed with the secret box and
 * never returned or logged. The settings are tried through the tunnel first (see
 * verifyCredentials); cached providers and catalog lists of the datacenter are dropped.
 */
export const putDatacenterCredentials = async (
  ctx: ServiceContext,
  datacenterId: string,
  input: DatacenterCredentialsInput,
): Promise<DatacenterCredentials & { verification: Verification }> => {
  const datacenter = await findDatacenterFor(ctx, datacenterId, 'datacenter.manage');
  if (datacenter.kind !== 'openstack')
    throw precondition('datacenter_kind_unsupported', {
      datacenter: datacenter.name,
      kind: datacenter.kind,
    });
  const credential = { ...input, regionName: input.regionName ?? null };
  const verification = await verifyCredentials(ctx, datacenter, credential);
  const row = await inTransaction(ctx.db, async (tx) => {
    const saved = await upsertDatacenterCredential(tx, datacenterId, {
      authPath: credential.authPath,
      username: credential.username,
      passwordEnc: ctx.config.secretBox.seal(credential.password),
      userDomainName: credential.userDomainName,
      projectName: credential.projectName,
      projectDomainName: credential.projectDomainName,
      regionName: credential.regionName,
      verifiedAt: verification.state === 'verified' ? ctx.now() : null,
    });
    await recordAudit(tx, ctx, {
      action: 'datacenter.put-credentials',
      targetType: 'datacenter',
      targetId: datacenterId,
      targetName: datacenter.name,
      detail: {
        authPath: credential.authPath,
        username: credential.username,
        userDomainName: credential.userDomainName,
        projectName: credential.projectName,
        projectDomainName: credential.projectDomainName,
        regionName: credential.regionName,
        verification: verification.state,
      },
    });
    return saved;
  });
  forgetProvider(ctx.config, datacenterId);
  await forgetCatalog(ctx.config, datacenterId);
  return { ...toCredentials(row), verification };
};
