import { z } from 'zod';

export const roleAssignmentSchema = z.looseObject({
  role: z.looseObject({ id: z.string() }),
  user: z.looseObject({ id: z.string() }).nullish(),
  scope: z
    .looseObject({
      project: z.looseObject({ id: z.string() }).nullish(),
      domain: z.looseObject({ id: z.string() }).nullish(),
    })
    .nullish(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;
