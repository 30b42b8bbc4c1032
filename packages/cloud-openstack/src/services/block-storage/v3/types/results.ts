import { z } from 'zod';

/** A volume type; `extra_specs` is shown to administrators (how types map to backends). */
export const volumeTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  is_public: z.boolean().nullish(),
  'os-volume-type-access:is_public': z.boolean().nullish(),
  extra_specs: z.record(z.string(), z.string()).nullish(),
});
export type VolumeType = z.infer<typeof volumeTypeSchema>;

export const getVolumeTypeResult = z.looseObject({ volume_type: volumeTypeSchema });

export const extraSpecsResult = z.looseObject({
  extra_specs: z.record(z.string(), z.string()),
});
