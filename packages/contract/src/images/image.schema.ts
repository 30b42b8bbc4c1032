import { z } from 'zod';
import { idSchema, nameSchema } from '../common';
import { imageSchema } from '../catalog/catalog.schema';
import { taskSchema } from '../tasks/task.schema';

/** Glance disk formats (white paper: raw, qcow2, vmdk, vdi, iso, vhd, vhdx, ami/ari/aki, ploop). */
export const imageDiskFormats = [
  'raw',
  'qcow2',
  'vmdk',
  'vdi',
  'iso',
  'vhd',
  'vhdx',
  'ami',
  'ari',
  'aki',
  'ploop',
] as const;
export const imageContainerFormats = ['bare', 'ovf', 'ova', 'docker', 'ami', 'aki', 'ari'] as const;
export const imageVisibilities = ['public', 'private', 'shared', 'community'] as const;

export const imageProjectParams = z.object({ projectId: idSchema });
export const imageParams = z.object({ projectId: idSchema, imageId: idSchema });
export const imageDatacenterQuery = z.object({ datacenterId: idSchema });

export const createImageInput = z.object({
  datacenterId: idSchema,
  name: nameSchema,
  diskFormat: z.enum(imageDiskFormats),
  containerFormat: z.enum(imageContainerFormats).default('bare'),
  /** `public` needs compute.admin (platform); the others resource.use in the project. */
  visibility: z.enum(imageVisibilities).default('private'),
  protected: z.boolean().default(false),
  minDiskGb: z.number().int().min(0).max(65_536).default(0),
  minRamMb: z.number().int().min(0).max(4_194_304).default(0),
});
export type CreateImageInput = z.infer<typeof createImageInput>;

export const updateImageInput = z
  .object({
    datacenterId: idSchema,
    name: nameSchema.optional(),
    visibility: z.enum(imageVisibilities).optional(),
    protected: z.boolean().optional(),
    minDiskGb: z.number().int().min(0).max(65_536).optional(),
    minRamMb: z.number().int().min(0).max(4_194_304).optional(),
    tags: z.array(z.string().trim().min(1).max(255)).max(50).optional(),
  })
  .strict();
export type UpdateImageInput = z.infer<typeof updateImageInput>;

/** An image with the checksums the cloud computed over its bytes. */
export const imageDetailSchema = imageSchema.extend({
  checksum: z.string().nullable(),
  hashAlgo: z.string().nullable(),
  hashValue: z.string().nullable(),
});
export type ImageDetail = z.infer<typeof imageDetailSchema>;

/** A create answers the image (status `queued`) and the upload task that follows its bytes. */
export const createdImageSchema = z.object({ image: imageSchema, task: taskSchema });
