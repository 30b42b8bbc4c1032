import type { BlockStoragePort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import { listPools } from '../services/block-storage/v3/pools/requests';
import {
  createVolumeType,
  deleteVolumeType,
  getVolumeType,
  listVolumeTypes,
  setExtraSpecs,
  unsetExtraSpec,
} from '../services/block-storage/v3/types/requests';
import { asAdmin, deleteIdempotently } from './storage-ownership';
import { toStoragePoolDto, toVolumeTypeDto } from './to-storage-dto';

type AdminVerbs = Pick<
  BlockStoragePort,
  | 'listVolumeTypes'
  | 'createVolumeType'
  | 'updateVolumeTypeExtraSpecs'
  | 'deleteVolumeType'
  | 'listStoragePools'
>;

/** Volume types and backend pools, as the service account (administrator). */
export const storageAdminVerbs = ({ blockStorage }: ServiceClients): AdminVerbs => ({
  listVolumeTypes: async (options) =>
    (await listVolumeTypes(blockStorage, asAdmin(options))).map(toVolumeTypeDto),

  createVolumeType: async (spec, options) =>
    toVolumeTypeDto(
      await createVolumeType(blockStorage, asAdmin(options), {
        name: spec.name,
        ...(spec.description === undefined ? {} : { description: spec.description }),
        'os-volume-type-access:is_public': spec.isPublic,
        extra_specs: spec.extraSpecs,
      }),
    ),

  /** Set what has a value, unset what is null and present (Cinder 404s an absent key). */
  updateVolumeTypeExtraSpecs: async (id, extraSpecs, options) => {
    const call = asAdmin(options);
    const current = await getVolumeType(blockStorage, call, id);
    const entries = Object.entries(extraSpecs);
    const set = Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== null));
    if (Object.keys(set).length > 0) await setExtraSpecs(blockStorage, call, id, set);
    for (const [key, value] of entries) {
      if (value === null && key in (current.extra_specs ?? {})) {
        await unsetExtraSpec(blockStorage, call, id, key);
      }
    }
    return toVolumeTypeDto(await getVolumeType(blockStorage, call, id));
  },

  deleteVolumeType: (id, options) =>
    deleteIdempotently(
      () => getVolumeType(blockStorage, asAdmin(options), id),
      () => deleteVolumeType(blockStorage, asAdmin(options), id),
    ),

  listStoragePools: async (options) =>
    (await listPools(blockStorage, asAdmin(options))).map(toStoragePoolDto),
});
