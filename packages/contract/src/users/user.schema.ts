import { z } from 'zod';
import { idSchema, listQuery, timestamp } from '../common';
import { scopeSchema } from '../roles/role.schema';

export const assignmentSchema = z.object({
  role: z.string(),
  roleName: z.string(),
  scope: scopeSchema,
  departmentId: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  /** WeCom user id for application messages (notifications). */
  wecomUserId: z.string().nullable(),
  /** Language of the user's notifications. */
  locale: z.enum(['zh-CN', 'en']),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(assignmentSchema),
  lastLoginAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type User = z.infer<typeof userSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]*$/, {
    message: 'letters, digits, dot, dash or underscore, starting with a letter',
  });
/** NIST 800-63B style: length over composition rules. */
export const passwordSchema = z.string().min(10).max(128);

/** WeCom user ids: letters, digits, _ - . @ (WeCom's own rule), up to 64. */
export const wecomUserIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, { message: 'letters, digits, _ - . @ (up to 64)' });

export const assignmentInput = z.object({
  role: z.string().min(1).max(64),
  scope: z.enum(['platform', 'department', 'project']),
  departmentId: idSchema.optional(),
  projectId: idSchema.optional(),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const userInput = z.object({
  username: usernameSchema,
  password: passwordSchema,
  departmentId: idSchema,
  roles: z.array(assignmentInput).max(50).default([]),
  displayName: z.string().trim().max(64).optional(),
  email: z.email().max(254).optional(),
  wecomUserId: wecomUserIdSchema.optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const userUpdate = z
  .object({
    displayName: z.string().trim().max(64),
    email: z.email().max(254).nullable(),
    wecomUserId: wecomUserIdSchema.nullable(),
    locale: z.enum(['zh-CN', 'en']),
    status: z.enum(['active', 'disabled']),
    password: passwordSchema,
    roles: z.array(assignmentInput).max(50),
    unlock: z.literal(true),
  })
  .partial();

export const userListQuery = listQuery.extend({
  departmentId: idSchema.optional(),
  projectId: idSchema.optional(),
});
