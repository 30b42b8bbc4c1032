import { z } from 'zod';

/** At ≥ 2.64 a group has one `policy` (not a `policies` list). */
export const serverGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  policy: z.string(),
  members: z.array(z.string()).nullish(),
});
export type ServerGroup = z.infer<typeof serverGroupSchema>;
