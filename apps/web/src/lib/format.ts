import type { Lang } from './preferences';

/** Local date-time for a stored ISO timestamp. */
export const formatDateTime = (iso: string | null | undefined, lang: Lang): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
};
