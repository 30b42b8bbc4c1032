'use client';

import type { OverviewQuota } from '@yunguan/contract';
import { Card, Empty, Flex, Progress, Typography } from 'antd';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';

const UNLIMITED = -1;

const percent = (q: OverviewQuota) =>
  q.limit === UNLIMITED ? 0 : q.limit === 0 ? 100 : Math.min(100, (q.used / q.limit) * 100);

/** Quota use as bars with the limit, grouped by owner (department or project). */
export function OverviewQuotas({ quotas }: { quotas: readonly OverviewQuota[] }) {
  const { t, lang } = useI18n();
  const owners = [...new Set(quotas.map((q) => `${q.scope}:${q.ownerId}`))];
  return (
    <Card title={t('overview.quotas')} size="small" data-testid="overview-quotas">
      {quotas.length === 0 ? (
        <Empty description={t('overview.noQuotas')} />
      ) : (
        owners.map((owner) => {
          const mine = quotas.filter((q) => `${q.scope}:${q.ownerId}` === owner);
          const first = mine[0]!;
          return (
            <div key={owner} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {t(first.scope === 'department' ? 'overview.department' : 'overview.project')}{' '}
                {first.ownerName}
              </Typography.Text>
              {mine.map((q) => (
                <Flex
                  key={q.resource}
                  gap={8}
                  align="center"
                  data-testid={`overview-quota-${first.ownerName}-${q.resource}`}
                >
                  <span style={{ width: 150, flexShrink: 0 }}>
                    {t(`quotas.res.${q.resource}` as MessageKey)}
                  </span>
                  <Progress
                    percent={percent(q)}
                    showInfo={false}
                    size="small"
                    status={q.limit !== UNLIMITED && q.used >= q.limit ? 'exception' : 'normal'}
                    style={{ flex: 1, margin: 0 }}
                  />
                  <span
                    style={{
                      minWidth: 90,
                      textAlign: 'right',
                      flexShrink: 0,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {q.used.toLocaleString(lang)} /{' '}
                    {q.limit === UNLIMITED ? t('overview.unlimited') : q.limit.toLocaleString(lang)}
                  </span>
                </Flex>
              ))}
            </div>
          );
        })
      )}
    </Card>
  );
}
