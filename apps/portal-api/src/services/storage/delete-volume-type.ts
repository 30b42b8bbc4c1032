import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { storageAdminAccess } from './volume-type-access';
import { forgetVolumeTypes } from './volume-types-cache';
import { blockStorageOf } from '../../cloud/sub-port';

/**
 * Delete a volume type (compute.admin; synchronous, audited). Cinder refuses while volumes use
 * it; that refusal reaches the caller in the cloud's words. An already-gone type is done.
 */
export const deleteVolumeType = async (
  ctx: ServiceContext,
  datacenterId: string,
  typeId: string,
): Promise<void> => {
  const { provider, datacenter, options } = await storageAdminAccess(
    ctx,
    datacenterId,
    'volume.type.manage',
    'delete volume type',
  );
  const types = await withCloudErrors(datacenter.name, () =>
    blockStorageOf(provider).listVolumeTypes(options),
  );
  const type = types.find((t) => t.externalId === typeId);
  await withCloudErrors(datacenter.name, () =>
    blockStorageOf(provider).deleteVolumeType(typeId, options),
  );
  await forgetVolumeTypes(ctx.config, datacenter.id);
  await recordAudit(ctx.db, ctx, {
    action: 'volume-type.delete',
    targetType: 'volume-type',
    targetId: typeId,
    targetName: type?.name ?? typeId,
    detail: { datacenterId: datacenter.id, datacenter: datacenter.name },
  });
};
