import { z } from 'zod';

/**
 * Capacities are numbers, or words: real drivers say `"infinite"` / `"unknown"` (the fake
 * driver on Zed says `"infinite"`), some send numbers as strings.
 */
const capacity = z.union([z.number(), z.string()]).nullish();

export const poolSchema = z.looseObject({
  name: z.string(),
  capabilities: z
    .looseObject({
      volume_backend_name: z.string().nullish(),
      storage_protocol: z.string().nullish(),
      vendor_name: z.string().nullish(),
      total_capacity_gb: capacity,
      free_capacity_gb: capacity,
      allocated_capacity_gb: capacity,
      provisioned_capacity_gb: capacity,
      thin_provisioning_support: z.union([z.boolean(), z.string()]).nullish(),
      timestamp: z.string().nullish(),
    })
    .nullish(),
});
export type Pool = z.infer<typeof poolSchema>;

export const listPoolsResult = z.looseObject({ pools: z.array(poolSchema) });
