import { ID_SHAPE } from '@yunguan/domain';
import { z } from 'zod';

/** Portal and cloud ids: checked for shape before any lookup (ADR 0114). */
export const idSchema = z.string().min(1).max(64).regex(ID_SHAPE, {
  message: 'an id: letters, digits and . _ - : @ +, starting with a letter or digit',
});
/**
 * A cloud object named by id or name (flavor, image, network, key pair, security group, zone):
 * no control characters and nothing that changes a URL built from it (/ ? # % \).
 */
export const cloudRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^\p{Cc}/?#%\\]+$/u, {
    message: 'a cloud id or name without control characters or / ? # % \\',
  });
export const idParams = z.object({ id: idSchema });
export const timestamp = z.iso.datetime();

/** Names users type: trimmed, no control characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}]*$/u, { message: 'must not contain control characters' });
export const descriptionSchema = z.string().trim().max(255);

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(64).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const emptyResponse = z.null();

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z
      .object({
        reason: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      })
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
