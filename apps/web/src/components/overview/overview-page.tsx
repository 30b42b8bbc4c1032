'use client';

import { useQuery } from '@tanstack/react-query';
import { getOverview } from '@yunguan/contract';
import { Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/lib/me-context';
import { OverviewDatacenters } from './overview-datacenters';
import { OverviewQuotas } from './overview-quotas';
import { OverviewResources } from './overview-resources';
import { OverviewTasks } from './overview-tasks';

/** 概览: the dashboard within the user's reach (GET /api/v1/overview), refreshed every 15 s. */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const query = useQuery({ ...queryOptionsFor(getOverview, {}), refetchInterval: 15_000 });
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t('overview.title')}
        extra={
          data && (
            <Flex gap={8} align="center" data-testid="overview-reach" data-reach={data.reach}>
              <Tag color={data.reach === 'platform' ? 'gold' : 'blue'}>
                {data.reach === 'platform'
                  ? t('overview.reach.platform')
                  : t('overview.reach.projects', { count: data.projectCount })}
              </Tag>
              <Typography.Text type="secondary">
                {me.user.displayName || me.user.username} ·{' '}
                {t('overview.updatedAt', { time: formatDateTime(data.generatedAt, lang) })}
              </Typography.Text>
            </Flex>
          )
        }
      />
      {query.error && <ErrorAlert error={query.error} />}
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <OverviewResources resources={data.resources} />
          </Col>
          <Col xs={24} xl={12}>
            <OverviewQuotas quotas={data.quotas} />
          </Col>
          <Col xs={24} xl={14}>
            <OverviewTasks tasks={data.tasks} />
          </Col>
          <Col xs={24} xl={10}>
            <OverviewDatacenters datacenters={data.datacenters} />
          </Col>
        </Row>
      )}
    </>
  );
}
