import { renderMessage, type Locale } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { z } from 'zod';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * A refinement that names a reason (`params.reason`, e.g. `wecom_key_invalid`) is worded in the
 * caller's language from the message catalogue; other issues keep zod's localised text.
 */
const localisedIssue = (issue: z.core.$ZodIssue, locale: Locale): string => {
  const params = issue.code === 'custom' ? (issue.params as Record<string, unknown>) : undefined;
  const reason = params?.reason;
  if (typeof reason !== 'string') return issue.message;
  const values = Object.fromEntries(
    Object.entries(params ?? {}).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );
  const worded = renderMessage(locale, 'VALIDATION', reason, values);
  // A reason the catalogue does not know keeps the refinement's own words.
  return worded === renderMessage(locale, 'VALIDATION') ? issue.message : worded;
};

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
    message: localisedIssue(i, locale),
  }));
  throw new DomainError('VALIDATION', `invalid ${part}`, { issues });
};
