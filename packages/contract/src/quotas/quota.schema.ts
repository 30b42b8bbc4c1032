import { quotaResources } from '@yunguan/domain';
import { z } from 'zod';
import { idSchema } from '../common';

export const quotaResourceSchema = z.enum(quotaResources);
/** -1 = unlimited. */
export const quotaLimitSchema = z.number().int().min(-1).max(10_000_000);

export const quotaSchema = z.object({
  /** null when the limit is the default (no row stored). */
  id: z.string().nullable(),
  scope: z.enum(['department', 'project']),
  departmentId: z.string(),
  projectId: z.string().nullable(),
  ownerName: z.string(),
  resource: quotaResourceSchema,
  limit: z.number().int(),
  isDefault: z.boolean(),
  /** Department rows: the sum handed out to its projects. */
  allocated: z.number().int().nullable(),
});
export type Quota = z.infer<typeof quotaSchema>;

export const quotaInput = z.discriminatedUnion('scope', [
  z.object({
    scope: z.literal('department'),
    departmentId: idSchema,
    resource: quotaResourceSchema,
    limit: quotaLimitSchema,
  }),
  z.object({
    scope: z.literal('project'),
    projectId: idSchema,
    resource: quotaResourceSchema,
    limit: quotaLimitSchema,
  }),
]);
export const quotaUpdate = z.object({ limit: quotaLimitSchema });
export const quotaListQuery = z.object({
  departmentId: idSchema.optional(),
  projectId: idSchema.optional(),
});
