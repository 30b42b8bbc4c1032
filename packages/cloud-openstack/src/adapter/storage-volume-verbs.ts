import type { CallOptions, CreateVolumeSpec, Scope, BlockStoragePort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import {
  createVolume,
  deleteVolume,
  listVolumes,
  volumeAction,
  type CreateVolumeOpts,
} from '../services/block-storage/v3/volumes/requests';
import { attachVolume, detachVolume } from '../services/compute/v2/volume-attachments/requests';
import {
  asAdmin,
  deleteIdempotently,
  imageOfScope,
  inProject,
  serverOfScope,
  snapshotOf,
  volumeOf,
} from './storage-ownership';
import { toVolumeDto, volumeProjectOf } from './to-storage-dto';

type VolumeVerbs = Pick<
  BlockStoragePort,
  | 'listVolumes'
  | 'getVolume'
  | 'createVolume'
  | 'extendVolume'
  | 'attachVolume'
  | 'detachVolume'
  | 'deleteVolume'
  | 'listAllVolumes'
>;

/** Our create spec → Cinder's body; a source of another project is refused as not-found. */
const createOptsOf = async (
  services: ServiceClients,
  scope: Scope,
  spec: CreateVolumeSpec,
  options?: CallOptions,
): Promise<CreateVolumeOpts> => {
  const opts: CreateVolumeOpts = { name: spec.name, size: spec.sizeGb };
  if (spec.description !== undefined) opts.description = spec.description;
  if (spec.volumeType !== undefined) opts.volume_type = spec.volumeType;
  if (spec.availabilityZone !== undefined) opts.availability_zone = spec.availabilityZone;
  if (spec.metadata !== undefined) opts.metadata = spec.metadata;
  switch (spec.source.type) {
    case 'image':
      await imageOfScope(services.image, scope, spec.source.imageExternalId, options);
      opts.imageRef = spec.source.imageExternalId;
      break;
    case 'snapshot':
      await snapshotOf(services.blockStorage, scope, spec.source.snapshotExternalId, options);
      opts.snapshot_id = spec.source.snapshotExternalId;
      break;
    case 'empty':
      break;
  }
  return opts;
};

/** Volumes on Cinder v3; attach and detach through Nova's os-volume_attachments. */
export const volumeVerbs = (services: ServiceClients): VolumeVerbs => {
  const { blockStorage, compute } = services;
  return {
    listVolumes: async (scope, options) =>
      (await listVolumes(blockStorage, inProject(scope, options)))
        .filter((v) => (volumeProjectOf(v) ?? scope.projectExternalId) === scope.projectExternalId)
        .map((v) => toVolumeDto(v, scope.projectExternalId)),

    getVolume: async (scope, id, options) =>
      toVolumeDto(await volumeOf(blockStorage, scope, id, options), scope.projectExternalId),

    createVolume: async (scope, spec, options) => {
      const opts = await createOptsOf(services, scope, spec, options);
      const created = await createVolume(blockStorage, inProject(scope, options), opts);
      return toVolumeDto(created, scope.projectExternalId);
    },

    extendVolume: async (scope, id, newSizeGb, options) => {
      await volumeOf(blockStorage, scope, id, options);
      await volumeAction(blockStorage, inProject(scope, options), id, {
        'os-extend': { new_size: newSizeGb },
      });
    },

    attachVolume: async (scope, id, serverId, options) => {
      await volumeOf(blockStorage, scope, id, options);
      await serverOfScope(compute, scope, serverId, options);
      await attachVolume(compute, inProject(scope, options), serverId, { volumeId: id });
    },

    detachVolume: async (scope, id, serverId, options) => {
      await volumeOf(blockStorage, scope, id, options);
      await serverOfScope(compute, scope, serverId, options);
      await detachVolume(compute, inProject(scope, options), serverId, id);
    },

    deleteVolume: (scope, id, options) =>
      deleteIdempotently(
        () => volumeOf(blockStorage, scope, id, options),
        () => deleteVolume(blockStorage, inProject(scope, options), id),
      ),

    listAllVolumes: async (options) =>
      (await listVolumes(blockStorage, asAdmin(options), { allTenants: true })).map((v) =>
        toVolumeDto(v),
      ),
  };
};
