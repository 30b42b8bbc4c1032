'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { rememberLang, saveLang } from '@/lib/preferences';
import type { Lang } from '@/lib/preferences';
import { en } from './en';
import { zhCN } from './zh-cn';
import type { MessageKey } from './zh-cn';

export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const interpolate = (text: string, vars?: Record<string, string | number>): string =>
  vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;

type I18nValue = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  initialLang,
  children,
}: {
  initialLang: Lang;
  children: ReactNode;
}) {
  const [lang, setLangState] = useState<Lang>(() => {
    rememberLang(initialLang);
    return initialLang;
  });

  const queryClient = useQueryClient();
  const setLang = useCallback(
    (next: Lang) => {
      saveLang(next);
      document.documentElement.lang = next;
      setLangState(next);
      // Server texts (error messages, names of built-in objects) come in the new language.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const t = useCallback<Translate>(
    (key, vars) => interpolate(dictionaries[lang][key], vars),
    [lang],
  );

  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18nValue => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
};
