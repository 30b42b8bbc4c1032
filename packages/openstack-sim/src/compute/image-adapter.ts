/**
 * createImage's door into Glance. src/image/ exports the image slice (imageStateOf) but no
 * snapshot verb, so the snapshot is written into it in the image engineer's Image shape: no
 * bytes (size 0), image_type=snapshot and instance_uuid as properties, status active.
 */
import { randomUUID } from 'node:crypto';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { imageStateOf, type Image } from '../image';
import type { Server } from './compute-state';

export const recordSnapshotImage = (
  ctx: SimContext,
  input: { name: string; server: Server; ownerProjectId: string; metadata: Record<string, string> },
): string => {
  const id = randomUUID();
  const now = ctx
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const image: Image = {
    id,
    name: input.name,
    status: 'active',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    size: 0,
    virtual_size: null,
    disk_format: 'qcow2',
    container_format: 'bare',
    min_disk: input.server.flavor.disk,
    min_ram: 0,
    owner: input.ownerProjectId,
    created_at: now,
    updated_at: now,
    tags: [],
    properties: {
      image_type: 'snapshot',
      instance_uuid: input.server.id,
      base_image_ref: input.server.imageRef,
      user_id: input.server.userId,
      ...input.metadata,
    },
  };
  imageStateOf(ctx.store.state).images[id] = image;
  ctx.store.changed();
  return id;
};

/** Nova's checks on the image a server boots from (400s, with Nova's messages). */
export const checkBootImage = (
  ctx: SimContext,
  imageId: string,
  flavor: { ram: number; disk: number },
): void => {
  const image = imageStateOf(ctx.store.state).images[imageId];
  if (!image || image.status === 'deleted' || image.status === 'pending_delete')
    throw novaError('badRequest', `Image ${imageId} could not be found.`);
  if (image.status !== 'active') throw novaError('badRequest', `Image ${imageId} is not active.`);
  if (flavor.ram < image.min_ram)
    throw novaError('badRequest', "Flavor's memory is too small for requested image.");
  if (flavor.disk > 0 && flavor.disk < image.min_disk)
    throw novaError('badRequest', "Flavor's disk is too small for requested image.");
};
