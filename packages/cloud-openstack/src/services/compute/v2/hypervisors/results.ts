import { z } from 'zod';

/** At 2.53 ids are UUIDs and the resource counters are still present (gone at 2.88). */
export const hypervisorSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  hypervisor_hostname: z.string(),
  state: z.string(),
  status: z.string(),
  vcpus: z.number().nullish(),
  vcpus_used: z.number().nullish(),
  memory_mb: z.number().nullish(),
  memory_mb_used: z.number().nullish(),
  local_gb: z.number().nullish(),
  local_gb_used: z.number().nullish(),
  running_vms: z.number().nullish(),
});
export type Hypervisor = z.infer<typeof hypervisorSchema>;
