import { z } from 'zod';
import { timestamp } from '../common';
import { menuKeySchema, permissionSchema } from '../roles/role.schema';
import { userSchema } from '../users/user.schema';

export const meSchema = z.object({
  user: userSchema,
  isPlatformAdmin: z.boolean(),
  permissions: z.array(permissionSchema),
  menus: z.array(menuKeySchema),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
    }),
  ),
  session: z.object({ expiresAt: timestamp, via: z.enum(['session', 'api_token']) }),
});
export type Me = z.infer<typeof meSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
