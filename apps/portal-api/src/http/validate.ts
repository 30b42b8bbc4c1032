import type { Locale } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { z } from 'zod';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/** Parse one part of a request; failures become VALIDATION with per-field messages. */
export const parseInput = <S extends z.ZodType>(
  schema: S,
  value: unknown,
  locale: Locale,
  part: string,
): z.output<S> => {
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}), {
    error: localeErrors[locale],
  });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: [part, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new DomainError('VALIDATION', `invalid ${part}`, { issues });
};
