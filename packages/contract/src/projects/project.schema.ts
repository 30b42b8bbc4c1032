import { z } from 'zod';
import { descriptionSchema, idSchema, listQuery, nameSchema, timestamp } from '../common';

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  memberCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Project = z.infer<typeof projectSchema>;

export const projectInput = z.object({
  name: nameSchema,
  description: descriptionSchema.default(''),
  departmentId: idSchema,
});
export const projectUpdate = z
  .object({ name: nameSchema, description: descriptionSchema })
  .partial();
export const projectListQuery = listQuery.extend({ departmentId: idSchema.optional() });
