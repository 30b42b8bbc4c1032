/**
 * The one rule for text that enters the portal (ADR 0114): well-formed Unicode (no lone UTF-16
 * surrogates), never NUL, and no control characters except where a field allows them.
 *
 * - `plain`: ids, path parameters, query strings, headers — no control character at all.
 * - `multiline`: ordinary body strings — tab, line feed and carriage return only.
 * - `raw`: fields that explicitly carry user data or key material (cloud-init user data) —
 *   any control character but NUL.
 */
export type TextPolicy = 'plain' | 'multiline' | 'raw';
export type TextFault = 'nul' | 'surrogate' | 'control';

// Without the `u` flag a regex sees UTF-16 code units, so lone surrogates are visible.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL = /[\u0001-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_BUT_WHITESPACE = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** What is wrong with `text` under `policy`, or null when it may enter. */
export const textFault = (text: string, policy: TextPolicy): TextFault | null => {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  if (policy === 'plain' && ANY_CONTROL.test(text)) return 'control';
  if (policy === 'multiline' && CONTROL_BUT_WHITESPACE.test(text)) return 'control';
  return null;
};

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Text made safe to store whatever came in (audit rows of refused requests): lone surrogates
 * and control characters become U+FFFD, then cut to `max` code points.
 */
export const sanitizeText = (text: string, max = 255): string => {
  const clean = text.replace(LONE_SURROGATES, '\uFFFD').replace(CONTROLS, '\uFFFD');
  const points = Array.from(clean);
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : clean;
};

/** Cloud and portal ids: what a lookup may be asked for (uuids, names like m1.small, "1"). */
export const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,254}$/;
