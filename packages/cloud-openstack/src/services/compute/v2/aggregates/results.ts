import { z } from 'zod';

export const aggregateSchema = z.looseObject({
  id: z.number(),
  uuid: z.string().nullish(),
  name: z.string(),
  availability_zone: z.string().nullish(),
  hosts: z.array(z.string()).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type Aggregate = z.infer<typeof aggregateSchema>;
