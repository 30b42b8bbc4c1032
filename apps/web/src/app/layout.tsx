import { AntdRegistry } from '@ant-design/nextjs-registry';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { LANG_COOKIE, THEME_COOKIE, parseLang, parseTheme } from '@/lib/preferences';

export const metadata: Metadata = {
  title: '云管 Yunguan',
  description: 'Yunguan multi-cloud management portal',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const store = await cookies();
  const lang = parseLang(store.get(LANG_COOKIE)?.value);
  const theme = parseTheme(store.get(THEME_COOKIE)?.value);
  return (
    <html lang={lang}>
      <body style={{ margin: 0, background: theme === 'dark' ? '#000' : '#f5f5f5' }}>
        <AntdRegistry>
          <Providers lang={lang} theme={theme}>
            {children}
          </Providers>
        </AntdRegistry>
      </body>
    </html>
  );
}
