import Mustache from 'mustache';

/**
 * Templates are Mustache text limited to plain variables: `{{name}}` (and `{{{name}}}` / `{{& name}}`,
 * the same here because nothing is HTML-escaped — bodies are text and markdown). Sections,
 * inverted sections and partials are refused when a template is saved, so a template can only
 * place values the event declares; values are looked up in a prototype-less object of strings,
 * so `{{constructor}}` and friends render as nothing.
 */
export type TemplateProblem =
  | { reason: 'template_syntax'; detail: string }
  | { reason: 'template_construct'; construct: string }
  | { reason: 'template_unknown_variable'; variable: string };

const allowedTokens = new Set(['text', 'name', '&']);

/** Problems of a template against the variables its event declares (empty: fine). */
export const checkTemplate = (text: string, variables: readonly string[]): TemplateProblem[] => {
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(text);
  } catch (error) {
    return [{ reason: 'template_syntax', detail: (error as Error).message }];
  }
  const problems: TemplateProblem[] = [];
  for (const token of tokens as [string, string][]) {
    const [type, value] = token;
    if (!allowedTokens.has(type))
      problems.push({ reason: 'template_construct', construct: `{{${type}${value}}}` });
    else if (type !== 'text' && !variables.includes(value))
      problems.push({ reason: 'template_unknown_variable', variable: value });
  }
  return problems;
};

/** Render with values (strings only); unknown names render empty, nothing is escaped. */
export const renderTemplate = (text: string, params: Record<string, string>): string => {
  const view: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(params)) view[k] = v;
  return Mustache.render(text, view, {}, { escape: (value: string) => value });
};
