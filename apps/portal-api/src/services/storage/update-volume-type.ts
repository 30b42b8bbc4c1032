import type { UpdateVolumeTypeInput, VolumeType } from '@yunguan/contract';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { storageAdminAccess } from './volume-type-access';
import { forgetVolumeTypes } from './volume-types-cache';
import { blockStorageOf } from '../../cloud/sub-port';

/** Set (and, with null, remove) a volume type's extra specs (compute.admin; synchronous, audited). */
export const updateVolumeType = async (
  ctx: ServiceContext,
  datacenterId: string,
  typeId: string,
  input: UpdateVolumeTypeInput,
): Promise<VolumeType> => {
  const { provider, datacenter, options } = await storageAdminAccess(
    ctx,
    datacenterId,
    'volume.type.manage',
    'update volume type',
  );
  const updated = await withCloudErrors(datacenter.name, () =>
    blockStorageOf(provider).updateVolumeTypeExtraSpecs(typeId, input.extraSpecs, options),
  );
  await forgetVolumeTypes(ctx.config, datacenter.id);
  await recordAudit(ctx.db, ctx, {
    action: 'volume-type.update',
    targetType: 'volume-type',
    targetId: updated.externalId,
    targetName: updated.name,
    detail: {
      datacenterId: datacenter.id,
      datacenter: datacenter.name,
      changes: JSON.stringify(input.extraSpecs),
    },
  });
  return updated;
};
