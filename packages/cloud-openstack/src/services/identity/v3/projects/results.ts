import { z } from 'zod';

export const projectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  description: z.string().nullish(),
  enabled: z.boolean(),
});
export type Project = z.infer<typeof projectSchema>;

export const getProjectResult = z.looseObject({ project: projectSchema });
