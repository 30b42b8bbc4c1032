import { describe, expect, test } from 'vitest';
import { eventDefinitions, sampleParams } from './event-registry';
import { checkTemplate, renderTemplate } from './render-template';

describe('templates', () => {
  test('renders variables without HTML escaping', () => {
    expect(
      renderTemplate('{{rule}} on <{{resource}}> & {{{resource}}}', {
        rule: 'CPU > 80 %',
        resource: 'a&b',
      }),
    ).toBe('CPU > 80 % on <a&b> & a&b');
  });

  test('prototype names render as nothing', () => {
    expect(renderTemplate('[{{constructor}}][{{toString}}][{{__proto__}}]', {})).toBe('[][][]');
  });

  test('sections, partials and unknown variables are refused; syntax errors are reported', () => {
    expect(checkTemplate('{{#a}}x{{/a}}', ['a'])[0]).toMatchObject({
      reason: 'template_construct',
    });
    expect(checkTemplate('{{> other}}', [])[0]).toMatchObject({ reason: 'template_construct' });
    expect(checkTemplate('{{nope}}', ['rule'])).toEqual([
      { reason: 'template_unknown_variable', variable: 'nope' },
    ]);
    expect(checkTemplate('{{rule', ['rule'])[0]).toMatchObject({ reason: 'template_syntax' });
    expect(checkTemplate('{{rule}} {{& rule}}', ['rule'])).toEqual([]);
  });

  test('every built-in template uses only its declared variables, in both languages', () => {
    for (const event of eventDefinitions)
      for (const locale of ['zh-CN', 'en'] as const) {
        const vars = Object.keys(event.variables);
        expect(checkTemplate(event.defaults[locale].subject, vars), event.type).toEqual([]);
        expect(checkTemplate(event.defaults[locale].body, vars), event.type).toEqual([]);
        expect(renderTemplate(event.defaults[locale].body, sampleParams(event.type))).not.toContain(
          '{{',
        );
      }
  });
});
