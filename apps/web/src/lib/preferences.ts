import type { Locale } from '@yunguan/contract';
import { readCookie, writeCookie } from './cookies';

export type Lang = Locale;
export type ThemeMode = 'light' | 'dark';

export const LANG_COOKIE = 'yg_lang';
export const THEME_COOKIE = 'yg_theme';
export const PROJECT_KEY = 'yg_project';

export const parseLang = (value: string | undefined | null): Lang =>
  value === 'en' ? 'en' : 'zh-CN';
export const parseTheme = (value: string | undefined | null): ThemeMode =>
  value === 'dark' ? 'dark' : 'light';

/** The language the API client announces; kept in step with the UI by the I18n provider. */
let currentLang: Lang | undefined;

export const getCurrentLang = (): Lang => currentLang ?? parseLang(readCookie(LANG_COOKIE));

/** Persist a preference to localStorage (for the browser) and a cookie (for server rendering). */
const persist = (key: string, value: string): void => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage can be unavailable (private mode, quota); the cookie still carries the choice.
  }
  writeCookie(key, value);
};

export const saveLang = (lang: Lang): void => {
  currentLang = lang;
  persist(LANG_COOKIE, lang);
};

export const rememberLang = (lang: Lang): void => {
  currentLang = lang;
};

export const saveTheme = (mode: ThemeMode): void => persist(THEME_COOKIE, mode);

/** Preference stored in localStorage when the cookie is missing (e.g. cleared cookies). */
export const storedPreference = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};
