import { z } from 'zod';
import { descriptionSchema, idSchema } from '../common';
import { externalRef } from '../resources/resource.schema';

/** Extra spec keys and values as Cinder takes them (e.g. volume_backend_name → gold). */
const specKey = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_:.-]+$/);
const specValue = z.string().max(255);

/** A volume type: gold / silver / bronze map to backends through extraSpecs. */
export const volumeTypeSchema = z.object({
  /** The cloud's id (typeId in the admin routes). */
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  isPublic: z.boolean(),
  extraSpecs: z.record(z.string(), z.string()),
});
export type VolumeType = z.infer<typeof volumeTypeSchema>;

export const volumeTypeParams = z.object({ id: idSchema, typeId: externalRef });

/** POST /api/v1/datacenters/:id/volume-types (compute.admin). */
export const createVolumeTypeInput = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^\p{Cc}]*$/u),
  description: descriptionSchema.optional(),
  isPublic: z.boolean().default(true),
  extraSpecs: z.record(specKey, specValue).default({}),
});
export type CreateVolumeTypeInput = z.output<typeof createVolumeTypeInput>;

/** PATCH …/volume-types/:typeId (compute.admin): set extra specs; a null value removes the key. */
export const updateVolumeTypeInput = z.object({
  extraSpecs: z.record(specKey, specValue.nullable()),
});
export type UpdateVolumeTypeInput = z.output<typeof updateVolumeTypeInput>;

/** One storage backend pool as the Cinder scheduler sees it; capacities in GB, null = unknown. */
export const storagePoolSchema = z.object({
  name: z.string(),
  volumeBackendName: z.string().nullable(),
  storageProtocol: z.string().nullable(),
  vendorName: z.string().nullable(),
  totalCapacityGb: z.number().nullable(),
  freeCapacityGb: z.number().nullable(),
  allocatedCapacityGb: z.number().nullable(),
  provisionedCapacityGb: z.number().nullable(),
  thinProvisioning: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type StoragePool = z.infer<typeof storagePoolSchema>;
