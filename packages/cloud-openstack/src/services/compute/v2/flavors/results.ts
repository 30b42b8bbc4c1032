import { z } from 'zod';

/** A flavor at ≥ 2.75 (swap is a number) and ≥ 2.61 (extra_specs embedded). */
export const flavorSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  vcpus: z.number(),
  ram: z.number(),
  disk: z.number(),
  swap: z.union([z.number(), z.literal('')]).nullish(),
  'OS-FLV-EXT-DATA:ephemeral': z.number().nullish(),
  'os-flavor-access:is_public': z.boolean().nullish(),
  extra_specs: z.record(z.string(), z.string()).nullish(),
});
export type Flavor = z.infer<typeof flavorSchema>;

export const getFlavorResult = z.looseObject({ flavor: flavorSchema });
