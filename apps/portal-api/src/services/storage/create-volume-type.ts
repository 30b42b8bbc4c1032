import type { CreateVolumeTypeInput, VolumeType } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { storageAdminAccess } from './volume-type-access';
import { forgetVolumeTypes } from './volume-types-cache';
import { blockStorageOf } from '../../cloud/sub-port';

/**
 * Create a volume type (compute.admin): synchronous — the cloud answers at once — and audited;
 * no task. extraSpecs such as { volume_backend_name: 'gold' } map the type to a backend.
 */
export const createVolumeType = async (
  ctx: ServiceContext,
  datacenterId: string,
  input: CreateVolumeTypeInput,
): Promise<VolumeType> => {
  const { provider, datacenter, options } = await storageAdminAccess(
    ctx,
    datacenterId,
    'volume.type.manage',
    'create volume type',
  );
  const existing = await withCloudErrors(datacenter.name, () =>
    blockStorageOf(provider).listVolumeTypes(options),
  );
  if (existing.some((t) => t.name === input.name))
    throw conflict('volume_type_name_taken', { datacenter: datacenter.name, name: input.name });
  const created = await withCloudErrors(datacenter.name, () =>
    blockStorageOf(provider).createVolumeType(
      {
        name: input.name,
        isPublic: input.isPublic,
        extraSpecs: input.extraSpecs,
        ...(input.description !== undefined ? { description: input.description } : {}),
      },
      options,
    ),
  );
  await forgetVolumeTypes(ctx.config, datacenter.id);
  await recordAudit(ctx.db, ctx, {
    action: 'volume-type.create',
    targetType: 'volume-type',
    targetId: created.externalId,
    targetName: created.name,
    detail: {
      datacenterId: datacenter.id,
      datacenter: datacenter.name,
      isPublic: created.isPublic,
      extraSpecs: JSON.stringify(created.extraSpecs),
    },
  });
  return created;
};
