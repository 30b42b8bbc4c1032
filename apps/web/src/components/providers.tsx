'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from '@/i18n/i18n-provider';
import { readCookie } from '@/lib/cookies';
import {
  LANG_COOKIE,
  THEME_COOKIE,
  parseLang,
  parseTheme,
  saveTheme,
  storedPreference,
} from '@/lib/preferences';
import type { Lang, ThemeMode } from '@/lib/preferences';
import { makeQueryClient } from '@/lib/query-client';

type ThemeValue = { mode: ThemeMode; setMode: (mode: ThemeMode) => void };
const ThemeContext = createContext<ThemeValue | null>(null);

export const useThemeMode = (): ThemeValue => {
  const value = useContext(ThemeContext);
  if (!value) throw new Error('useThemeMode must be used inside <Providers>');
  return value;
};

function AntdConfig({ mode, children }: { mode: ThemeMode; children: ReactNode }) {
  const { lang, setLang } = useI18n();

  // A preference kept only in localStorage (cookie cleared) still wins after load.
  useEffect(() => {
    if (readCookie(LANG_COOKIE)) return;
    const stored = storedPreference(LANG_COOKIE);
    if (stored && parseLang(stored) !== lang) setLang(parseLang(stored));
  }, [lang, setLang]);

  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: { colorPrimary: '#1668dc' },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}

export function Providers(props: { lang: Lang; theme: ThemeMode; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [mode, setModeState] = useState<ThemeMode>(props.theme);

  useEffect(() => {
    if (readCookie(THEME_COOKIE)) return;
    const stored = storedPreference(THEME_COOKIE);
    if (stored) setModeState(parseTheme(stored));
  }, []);

  useEffect(() => {
    document.body.style.background = mode === 'dark' ? '#000' : '#f5f5f5';
  }, [mode]);

  const setMode = useCallback((next: ThemeMode) => {
    saveTheme(next);
    setModeState(next);
  }, []);
  const themeValue = useMemo(() => ({ mode, setMode }), [mode, setMode]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLang={props.lang}>
        <ThemeContext.Provider value={themeValue}>
          <AntdConfig mode={mode}>{props.children}</AntdConfig>
        </ThemeContext.Provider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
