import type { FastifyRequest } from 'fastify';
import { originOf } from '../core/link-base';
import { cinderError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { imageStateOf } from '../image/image-state';
import { atLeast, enforceQuota, resourceLinks } from './cinder-http';
import { cinderTime, newVolumeId, volumeSlice, type Volume, type VolumeType } from './volume-state';

export const volumeNotFound = (id: string) =>
  cinderError('itemNotFound', `Volume ${id} could not be found.`);

export const findVolume = (ctx: SimContext, caller: SimCaller, id: string): Volume => {
  const volume = volumeSlice(ctx).volumes[id];
  if (!volume || (!caller.isAdmin && volume.project_id !== caller.projectId))
    throw volumeNotFound(id);
  return volume;
};

export const findType = (ctx: SimContext, nameOrId: string | undefined): VolumeType => {
  const slice = volumeSlice(ctx);
  const wanted = nameOrId ?? slice.defaultTypeName;
  const type = slice.types[wanted] ?? Object.values(slice.types).find((t) => t.name === wanted);
  if (!type)
    throw cinderError('itemNotFound', `Volume type with name ${wanted} could not be found.`);
  return type;
};

/** The backend pool a type lands on (its volume_backend_name extra spec). */
export const poolFor = (ctx: SimContext, type: VolumeType): string => {
  const backends = volumeSlice(ctx).backends;
  const backend =
    backends.find((b) => b.backendName === type.extra_specs.volume_backend_name) ?? backends[0];
  return backend?.pool ?? 'cinder-volume@default#default';
};

/** The backend service's uuid (shared_targets / service_uuid at 3.48). */
const serviceUuid = '6d2d5a0f-5c5e-4b8e-9d4b-2f0c1f3e7a11';

/**
 * Cinder's volume view (cinder/api/v2/views/volumes.py and v3/views/volumes.py, Zed): the base
 * fields, then per microversion 3.13 group_id, 3.21 provider_id (admin), 3.48 shared_targets and
 * service_uuid, 3.61 cluster_name (admin), 3.63 volume_type_id, 3.65 consumes_quota. `extended`
 * (show and lists, not create or update) adds what the extension controllers add.
 */
export const renderVolume = (
  ctx: SimContext,
  request: FastifyRequest,
  caller: SimCaller,
  volume: Volume,
  extended = true,
) => {
  const image = volume.image_id ? imageStateOf(ctx.store.state).images[volume.image_id] : undefined;
  const body: Record<string, unknown> = {
    id: volume.id,
    name: volume.name,
    description: volume.description,
    size: volume.size,
    status: volume.status,
    availability_zone: volume.availability_zone,
    bootable: String(volume.bootable),
    encrypted: false,
    multiattach: volume.multiattach,
    volume_type: volume.volume_type,
    snapshot_id: volume.snapshot_id,
    source_volid: volume.source_volid,
    metadata: volume.metadata,
    attachments: volume.attachments,
    user_id: volume.user_id,
    created_at: volume.created_at,
    updated_at: volume.updated_at,
    replication_status: null,
    consistencygroup_id: null,
    links: resourceLinks(originOf(request, ctx.baseUrl), volume.project_id, 'volumes', volume.id),
  };
  const admin = caller.isAdmin;
  if (admin) body.migration_status = null;
  if (atLeast(request, 3, 13)) body.group_id = null;
  if (admin && atLeast(request, 3, 21)) body.provider_id = null;
  if (atLeast(request, 3, 48)) {
    body.shared_targets = false;
    body.service_uuid = serviceUuid;
  }
  if (admin && atLeast(request, 3, 61)) body.cluster_name = null;
  if (atLeast(request, 3, 63)) body.volume_type_id = volume.volume_type_id;
  if (atLeast(request, 3, 65)) body.consumes_quota = true;
  if (!extended) return body;
  body['os-vol-tenant-attr:tenant_id'] = volume.project_id;
  if (volume.image_id) {
    body.volume_image_metadata = {
      image_id: volume.image_id,
      image_name: image?.name ?? '',
      disk_format: image?.disk_format ?? 'raw',
      container_format: image?.container_format ?? 'bare',
      min_disk: String(image?.min_disk ?? 0),
      min_ram: String(image?.min_ram ?? 0),
      size: String(image?.size ?? 0),
      checksum: image?.checksum ?? '',
    };
  }
  if (admin) {
    body['os-vol-host-attr:host'] = volume.host;
    body['os-vol-mig-status-attr:migstat'] = null;
    body['os-vol-mig-status-attr:name_id'] = null;
  }
  return body;
};

export const volumeNotification = (volume: Volume) => ({
  volume_id: volume.id,
  tenant_id: volume.project_id,
  user_id: volume.user_id,
  display_name: volume.name,
  size: volume.size,
  status: volume.status,
  availability_zone: volume.availability_zone,
  volume_type: volume.volume_type_id,
  host: volume.host,
  created_at: volume.created_at,
  snapshot_id: volume.snapshot_id,
  glance_metadata: volume.image_id ? [{ key: 'image_id', value: volume.image_id }] : [],
  volume_attachment: volume.attachments,
});

export type CreateVolumeInput = {
  caller: SimCaller;
  size?: number;
  name?: string;
  description?: string;
  volumeType?: string;
  availabilityZone?: string;
  imageRef?: string;
  snapshotId?: string;
  sourceVolid?: string;
  backupId?: string;
  metadata?: Record<string, string>;
  multiattach?: boolean;
};

/**
 * Validates sources and quota, stores the volume as `creating` (from an image: `downloading`
 * half-way), then `available` after volumeMs.
 */
export const createVolume = (ctx: SimContext, input: CreateVolumeInput): Volume => {
  const slice = volumeSlice(ctx);
  const { caller } = input;
  let size = input.size;
  let typeName = input.volumeType;
  let bootable = false;
  let imageId: string | null = null;
  if (input.snapshotId) {
    const snapshot = slice.snapshots[input.snapshotId];
    if (!snapshot || (!caller.isAdmin && snapshot.project_id !== caller.projectId)) {
      throw cinderError('itemNotFound', `Snapshot ${input.snapshotId} could not be found.`);
    }
    if (snapshot.status !== 'available') {
      throw cinderError(
        'badRequest',
        `Invalid snapshot: Originating snapshot status must be one of 'available' values`,
      );
    }
    size ??= snapshot.size;
    if (size < snapshot.size) {
      throw cinderError(
        'badRequest',
        `Invalid input received: Volume size '${size}'GB cannot be smaller than the snapshot size ${snapshot.size}GB. They must be >= original snapshot size.`,
      );
    }
    const source = slice.volumes[snapshot.volume_id];
    typeName ??= source?.volume_type;
    bootable = source?.bootable ?? false;
    imageId = source?.image_id ?? null;
  }
  if (input.sourceVolid) {
    const source = findVolume(ctx, caller, input.sourceVolid);
    size ??= source.size;
    if (size < source.size) {
      throw cinderError(
        'badRequest',
        `Invalid input received: Volume size '${size}'GB cannot be smaller than original volume size ${source.size}GB. They must be >= original volume size.`,
      );
    }
    typeName ??= source.volume_type;
    bootable = source.bootable;
    imageId = source.image_id;
  }
  if (input.imageRef) {
    const image = imageStateOf(ctx.store.state).images[input.imageRef];
    if (!image)
      throw cinderError(
        'badRequest',
        `Invalid image identifier or unable to access requested image.`,
      );
    const imageGb = Math.max(
      image.min_disk,
      Math.ceil((image.virtual_size ?? image.size ?? 0) / 1024 ** 3),
    );
    size ??= Math.max(imageGb, 1);
    if (size < imageGb) {
      throw cinderError(
        'badRequest',
        `Invalid input received: Image minDisk size ${imageGb} is larger than the volume size ${size}.`,
      );
    }
    bootable = true;
    imageId = image.id;
  }
  if (size === undefined)
    throw cinderError('badRequest', `Invalid input received: Volume size must be specified.`);
  const type = findType(ctx, typeName);
  enforceQuota(ctx, caller.projectId, { volumes: 1, gigabytes: size });
  const now = cinderTime(ctx);
  const volume: Volume = {
    id: newVolumeId(),
    name: input.name ?? null,
    description: input.description ?? null,
    project_id: caller.projectId,
    user_id: caller.userId,
    size,
    status: 'creating',
    availability_zone: input.availabilityZone ?? 'nova',
    bootable,
    multiattach: input.multiattach ?? false,
    volume_type: type.name,
    volume_type_id: type.id,
    snapshot_id: input.snapshotId ?? null,
    source_volid: input.sourceVolid ?? null,
    backup_id: input.backupId ?? null,
    image_id: imageId,
    metadata: input.metadata ?? {},
    attachments: [],
    host: poolFor(ctx, type),
    created_at: now,
    updated_at: null,
  };
  slice.volumes[volume.id] = volume;
  ctx.store.changed();
  if (input.imageRef) {
    // As cinder-volume does: the image is copied in while the volume says `downloading`.
    ctx.later(ctx.delays.volumeMs / 2, () => {
      if (volume.status !== 'creating' || !slice.volumes[volume.id]) return;
      volume.status = 'downloading';
      volume.updated_at = cinderTime(ctx);
      ctx.store.changed();
    });
  }
  ctx.later(ctx.delays.volumeMs, () => {
    if (!['creating', 'downloading'].includes(volume.status) || !slice.volumes[volume.id]) return;
    volume.status = 'available';
    volume.updated_at = cinderTime(ctx);
    ctx.notify({
      event_type: 'volume.create.end',
      publisher_id: `volume.${volume.host}`,
      payload: volumeNotification(volume),
    });
  });
  return volume;
};

/** Moves a volume to a transitional status, then to `final` after volumeMs. */
export const transition = (
  ctx: SimContext,
  volume: Volume,
  during: Volume['status'],
  final: Volume['status'],
  after?: () => void,
) => {
  volume.status = during;
  volume.updated_at = cinderTime(ctx);
  ctx.store.changed();
  ctx.later(ctx.delays.volumeMs, () => {
    if (volume.status !== during) return;
    volume.status = final;
    volume.updated_at = cinderTime(ctx);
    after?.();
  });
};
