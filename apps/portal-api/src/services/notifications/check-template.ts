import { DomainError } from '@yunguan/domain';
import { checkTemplate, eventDefinition } from '@yunguan/notifications/templates';

/** Refuse a template that is not variables-only or names a variable its event lacks (400). */
export const assertTemplate = (
  eventType: string,
  text: { subject: string; body: string },
): void => {
  const known = Object.keys(eventDefinition(eventType)?.variables ?? {});
  const issues = (['subject', 'body'] as const).flatMap((field) =>
    checkTemplate(text[field], known).map((p) => ({ field, p })),
  );
  const first = issues[0];
  if (!first) return;
  const params: Record<string, string> = { known: known.map((k) => `{{${k}}}`).join(' ') };
  if (first.p.reason === 'template_syntax') params.detail = first.p.detail;
  if (first.p.reason === 'template_construct') params.construct = first.p.construct;
  if (first.p.reason === 'template_unknown_variable') params.variable = first.p.variable;
  throw new DomainError('VALIDATION', `template ${first.p.reason}`, {
    reason: first.p.reason,
    params,
    issues: issues.map((i) => ({ path: `body.${i.field}`, message: i.p.reason })),
  });
};
