import { z } from 'zod';

export const userSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean().nullish(),
});
export type User = z.infer<typeof userSchema>;

export const getUserResult = z.looseObject({ user: userSchema });
