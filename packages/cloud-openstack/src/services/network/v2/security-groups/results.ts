import { z } from 'zod';

export const securityGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
});
export type SecurityGroup = z.infer<typeof securityGroupSchema>;
