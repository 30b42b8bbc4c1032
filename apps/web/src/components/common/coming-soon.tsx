'use client';

import type { MenuKey } from '@yunguan/domain';
import { Card, Result } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';

/** Placeholder for a module that a later milestone delivers — says so plainly. */
export function ComingSoon({ menu }: { menu: MenuKey }) {
  const { t } = useI18n();
  const module = t(`menu.${menu}`);
  return (
    <Card>
      <Result
        status="info"
        title={t('comingSoon.title', { module })}
        subTitle={t('comingSoon.body')}
        data-testid={`coming-soon-${menu}`}
      />
    </Card>
  );
}
