import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { isApiError } from './api-error';

/** An antd rule that validates with the contract's own zod schema (empty values skipped —
 * pair with `required` where the field is mandatory) and shows a localised message. */
export const zodRule = (schema: z.ZodType, message: string): Rule => ({
  validator: (_rule, value: unknown) =>
    value === undefined || value === null || value === '' || schema.safeParse(value).success
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
});

/** Put the server's field-level validation issues onto the form's fields. */
export const applyServerIssues = (form: FormInstance, error: unknown): void => {
  if (!isApiError(error) || error.issues.length === 0) return;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.issues
    .map((issue) => ({
      name: issue.path
        .split('.')
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [issue.message],
    }))
    .filter((f) => typeof f.name[0] === 'string' && known.has(f.name[0]));
  if (fields.length) form.setFields(fields);
};
