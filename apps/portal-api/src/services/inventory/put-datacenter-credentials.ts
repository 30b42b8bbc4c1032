import type { DatacenterCredentials, DatacenterCredentialsInput } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import { openStackDatacenterCredentialSchema } from '@yunguan/cloud-openstack';
import { sealCredential } from '../../cloud/credential-store';
import { forgetProvider } from '../../cloud/provider-for-datacenter';
import { registrationFor } from '../../cloud/provider-registry';
import { upsertDatacenterCredential } from '../../repositories/datacenter-credential-repository';
import { inTransaction } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import { forgetCatalog } from '../catalog/catalog-cache';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { toCredentials } from './to-credentials';
import { verifyCredentials, type Verification } from './verify-credentials';

/**
 * Set the datacenter's cloud service account: the adapter's credential JSON, sealed whole with
 * the secret box (ADR 0111); the password is never returned or logged. The settings are tried through the tunnel first (see
 * verifyCredentials); cached providers and catalog lists of the datacenter are dropped.
 */
export const putDatacenterCredentials = async (
  ctx: ServiceContext,
  datacenterId: string,
  input: DatacenterCredentialsInput,
): Promise<DatacenterCredentials & { verification: Verification }> => {
  const datacenter = await findDatacenterFor(ctx, datacenterId, 'datacenter.manage');
  const registration = registrationFor(datacenter.kind, datacenter.name);
  // The API's input is the OpenStack service account (the only kind with an adapter today).
  if (registration.kind !== 'openstack')
    throw precondition('datacenter_kind_unsupported', {
      datacenter: datacenter.name,
      kind: datacenter.kind,
    });
  const credential = openStackDatacenterCredentialSchema.parse({
    ...input,
    regionName: input.regionName ?? null,
  });
  const verification = await verifyCredentials(ctx, datacenter, credential);
  const row = await inTransaction(ctx.db, async (tx) => {
    const saved = await upsertDatacenterCredential(tx, datacenterId, {
      kind: registration.kind,
      sealedJson: sealCredential(ctx, credential),
      verifiedAt: verification.state === 'verified' ? ctx.now() : null,
    });
    await recordAudit(tx, ctx, {
      action: 'datacenter.put-credentials',
      targetType: 'datacenter',
      targetId: datacenterId,
      targetName: datacenter.name,
      detail: { ...registration.shown(credential), verification: verification.state },
    });
    return saved;
  });
  forgetProvider(ctx.config, datacenterId);
  await forgetCatalog(ctx.config, datacenterId);
  return { ...toCredentials(row, registration.shown(credential)), verification };
};
