import type { SimState } from '../core/sim-state';
import { withIdTables } from '../core/id-table';

export const diskFormats = [
  'raw',
  'qcow2',
  'vmdk',
  'vhd',
  'vhdx',
  'iso',
  'ami',
  'ari',
  'aki',
  'vdi',
  'ploop',
] as const;
export const containerFormats = ['bare', 'ovf', 'ova', 'docker', 'ami', 'ari', 'aki'] as const;
export const visibilities = ['public', 'private', 'shared', 'community'] as const;

export type ImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'deactivated'
  | 'killed'
  | 'deleted'
  | 'pending_delete';

export type Image = {
  id: string;
  name: string | null;
  status: ImageStatus;
  visibility: (typeof visibilities)[number];
  protected: boolean;
  os_hidden: boolean;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  size: number | null;
  virtual_size: number | null;
  disk_format: string | null;
  container_format: string | null;
  min_disk: number;
  min_ram: number;
  owner: string;
  created_at: string;
  updated_at: string;
  tags: string[];
  /** Custom (additional) properties, flattened into the image body. */
  properties: Record<string, string>;
};

export const memberStatuses = ['pending', 'accepted', 'rejected'] as const;

/** A project an image is shared with (Glance's image_members row). */
export type ImageMember = {
  member_id: string;
  image_id: string;
  status: (typeof memberStatuses)[number];
  created_at: string;
  updated_at: string;
};

export type ImageState = {
  seeded: boolean;
  images: Record<string, Image>;
  /** Image id → member project id → membership. */
  members: Record<string, Record<string, ImageMember>>;
};

export const imageStateOf = (state: SimState): ImageState => {
  const slice = state.image as Partial<ImageState>;
  if (slice.images === undefined) Object.assign(slice, { seeded: false, images: {} });
  slice.members ??= {};
  const tables = withIdTables(slice as ImageState, ['images', 'members']);
  for (const imageId of Object.keys(tables.members)) withIdTables(tables.members, [imageId]);
  return tables;
};

/** The caller project's membership of an image, if any. */
export const membershipOf = (
  state: SimState,
  imageId: string,
  projectId: string,
): ImageMember | undefined => imageStateOf(state).members[imageId]?.[projectId];

/** Fields the API computes; a client may not set them (Glance answers 403). */
export const readOnlyFields = new Set([
  'status',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'size',
  'virtual_size',
  'created_at',
  'updated_at',
  'file',
  'self',
  'schema',
  'direct_url',
  'locations',
]);

/** Core fields a client may set (everything else is a custom property). */
export const coreFields = new Set([
  'id',
  'name',
  'visibility',
  'protected',
  'os_hidden',
  'disk_format',
  'container_format',
  'min_disk',
  'min_ram',
  'owner',
  'tags',
]);

export const glanceTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The image as Glance v2 renders it: core fields, custom properties flat, and its links. */
export const renderImage = (image: Image) => {
  const { properties, ...core } = image;
  return {
    ...properties,
    ...core,
    // Images with data are in the one (file) store, as Glance's multi-store view says.
    ...(image.size === null ? {} : { stores: 'file' }),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
};
