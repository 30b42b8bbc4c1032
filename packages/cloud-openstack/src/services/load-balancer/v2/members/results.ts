import { z } from 'zod';

export const memberSchema = z.looseObject({
  id: z.string(),
  project_id: z.string().nullish(),
  name: z.string().nullish(),
  address: z.string(),
  protocol_port: z.number(),
  weight: z.number().nullish(),
  subnet_id: z.string().nullish(),
  provisioning_status: z.string(),
  operating_status: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const getMemberResult = z.looseObject({ member: memberSchema });
