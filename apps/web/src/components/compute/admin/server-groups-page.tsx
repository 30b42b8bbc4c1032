'use client';

import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { listServerGroups } from '@yunguan/contract';
import { Empty, Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { useDatacenterChoice } from '../datacenter-choice';
import { CatalogListPage } from './catalog-list-page';

type ServerGroup = ResponseOf<typeof listServerGroups>['items'][number] & { id: string };

/** Server groups (affinity policies) of the current project in one datacenter (read-only). */
export function ServerGroupsPage() {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(listServerGroups, { params: { id }, query: { projectId: projectId ?? '' } }),
    enabled: id !== '' && projectId !== undefined,
  });
  if (!projectId) return <Empty description={t('compute.noProject')} />;
  return (
    <CatalogListPage<ServerGroup>
      title={t('admin.serverGroups')}
      choice={choice}
      error={query.error}
      loading={query.isFetching}
      items={query.data?.items.map((g) => ({ ...g, id: g.externalId }))}
      rowName={(g) => g.name}
      testId="server-group"
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('admin.policy'), dataIndex: 'policy', render: (p: string) => <Tag>{p}</Tag> },
        {
          title: t('admin.members'),
          dataIndex: 'memberExternalIds',
          render: (m: string[]) => m.length,
        },
        { title: 'ID', dataIndex: 'externalId' },
      ]}
    />
  );
}
