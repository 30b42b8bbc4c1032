import { z } from 'zod';
import { descriptionSchema, nameSchema, timestamp } from '../common';

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  projectCount: z.number().int(),
  userCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentInput = z.object({
  name: nameSchema,
  description: descriptionSchema.default(''),
});
