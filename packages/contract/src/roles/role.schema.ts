import { menuKeys, permissions } from '@yunguan/domain';
import { z } from 'zod';
import { descriptionSchema, nameSchema, timestamp } from '../common';

export const scopeSchema = z.enum(['platform', 'department', 'project']);
export const permissionSchema = z.enum(permissions);
export const menuKeySchema = z.enum(menuKeys);

export const roleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
  scopes: z.array(scopeSchema),
  permissions: z.array(permissionSchema),
  menus: z.array(menuKeySchema),
  assignmentCount: z.number().int(),
  createdAt: timestamp,
});
export type Role = z.infer<typeof roleSchema>;

export const roleInput = z.object({
  name: nameSchema,
  description: descriptionSchema.default(''),
  permissions: z.array(permissionSchema).min(1).max(64),
  menus: z.array(menuKeySchema).max(32).default([]),
});
