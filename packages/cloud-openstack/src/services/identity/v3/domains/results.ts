import { z } from 'zod';

export const domainSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  enabled: z.boolean(),
});
export type Domain = z.infer<typeof domainSchema>;

export const getDomainResult = z.looseObject({ domain: domainSchema });
