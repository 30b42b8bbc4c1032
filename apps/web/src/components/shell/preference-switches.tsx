'use client';

import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Segmented, Switch, Tooltip } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useThemeMode } from '@/components/providers';
import type { Lang } from '@/lib/preferences';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t('prefs.language')}>
      <Segmented<Lang>
        size="small"
        value={lang}
        onChange={setLang}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'EN', value: 'en' },
        ]}
        data-testid="lang-switch"
      />
    </Tooltip>
  );
}

export function ThemeSwitch() {
  const { t } = useI18n();
  const { mode, setMode } = useThemeMode();
  return (
    <Tooltip title={mode === 'dark' ? t('prefs.lightMode') : t('prefs.darkMode')}>
      <Switch
        checked={mode === 'dark'}
        onChange={(dark) => setMode(dark ? 'dark' : 'light')}
        checkedChildren={<MoonOutlined />}
        unCheckedChildren={<SunOutlined />}
        aria-label={t('prefs.darkMode')}
        data-testid="theme-switch"
      />
    </Tooltip>
  );
}
