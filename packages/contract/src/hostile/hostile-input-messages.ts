import type { TextFault } from '@yunguan/domain';

type Params = Record<string, string | number>;
type Catalog = Record<string, (p: Params) => string>;

/** Reasons of the hostile-input rule (ADR 0114), merged into messages.ts. */
export const hostileMessagesEn: Catalog = {
  hostile_input: (p) =>
    `The field ${p.field} holds characters that are not allowed (${p.what}). Remove them and try again.`,
  id_shape: (p) =>
    `The field ${p.field} is not a valid id: ids are letters, digits and . _ - : @ + and start with a letter or digit.`,
};

export const hostileMessagesZh: Catalog = {
  hostile_input: (p) => `字段 ${p.field} 含有不允许的字符（${p.what}），请删除后重试。`,
  id_shape: (p) =>
    `字段 ${p.field} 不是有效的 ID：ID 只能包含字母、数字和 . _ - : @ +，并以字母或数字开头。`,
};

const faultText: Record<'en' | 'zh-CN', Record<TextFault, string>> = {
  en: {
    nul: 'a NUL character',
    surrogate: 'invalid Unicode: a lone UTF-16 surrogate',
    control: 'a control character',
  },
  'zh-CN': {
    nul: 'NUL 字符',
    surrogate: '无效的 Unicode：孤立的 UTF-16 代理项',
    control: '控制字符',
  },
};

/** One issue message for a field that broke the rule, in the caller's language. */
export const hostileFaultText = (locale: 'en' | 'zh-CN', fault: TextFault): string =>
  faultText[locale][fault];

export const hostileIssueMessage = (locale: 'en' | 'zh-CN', fault: TextFault): string =>
  locale === 'en'
    ? `must not contain ${faultText.en[fault]}`
    : `不能包含${faultText['zh-CN'][fault]}`;
