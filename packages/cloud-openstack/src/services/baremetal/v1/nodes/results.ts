import { z } from 'zod';

export const nodeSchema = z.looseObject({
  uuid: z.string(),
  name: z.string().nullish(),
  power_state: z.string().nullish(),
  target_power_state: z.string().nullish(),
  provision_state: z.string(),
  target_provision_state: z.string().nullish(),
  maintenance: z.boolean().nullish(),
  instance_uuid: z.string().nullish(),
  resource_class: z.string().nullish(),
  last_error: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type Node = z.infer<typeof nodeSchema>;
