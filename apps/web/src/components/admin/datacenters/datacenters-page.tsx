'use client';

import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Datacenter } from '@yunguan/contract';
import { listDatacenters } from '@yunguan/contract';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { AdminListPage } from '@/components/common/admin-list-page';
import { CreateButton, SearchBox } from '@/components/common/list-toolbar';
import { rowTestId } from '@/components/common/row-props';
import { useDialog } from '@/components/common/use-dialog';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCan } from '@/lib/me-context';
import { AgentInfoModal } from './agent-info-modal';
import { DatacenterDetailDrawer } from './datacenter-detail-drawer';
import { DatacenterFormModal } from './datacenter-form-modal';
import { DatacenterRowActions } from './datacenter-row-actions';
import { datacenterColumns } from './datacenter-columns';
import { EnrollmentModal } from './enrollment-modal';
import type { ShownEnrollment } from './enrollment-modal';

/** Tunnel state changes within seconds; the list follows it by polling. */
const REFRESH_MS = 5_000;

type Dialog<T> = { open: boolean; value: T };

export function DatacentersPage() {
  const { t, lang } = useI18n();
  const list = useListState();
  const canManage = useCan('datacenter.manage');
  const form = useDialog<Datacenter>();
  const test = useDialog<Datacenter>();
  const [shown, setShown] = useState<Dialog<ShownEnrollment | null>>({ open: false, value: null });
  const [viewing, setViewing] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const query = useQuery({
    ...queryOptionsFor(listDatacenters, {
      query: { page: list.page, pageSize: list.pageSize, q: list.q || undefined },
    }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });

  const refresh = () => {
    setRefreshing(true);
    void query.refetch().finally(() => setRefreshing(false));
  };

  const columns = datacenterColumns(t, lang, (dc) => setViewing(dc.id));
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      // Not fixed: a fixed column of five links covered the columns before it (clipped);
      // the table scrolls sideways instead.
      render: (_, dc) => (
        <DatacenterRowActions
          datacenter={dc}
          onEdit={() => form.show(dc)}
          onTest={() => test.show(dc)}
          onEnrollment={(enrollment) =>
            setShown({ open: true, value: { name: dc.name, enrollment, rotation: true } })
          }
        />
      ),
    });
  }

  const updated = query.dataUpdatedAt
    ? new Date(query.dataUpdatedAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', {
        hour12: false,
      })
    : null;

  return (
    <AdminListPage<Datacenter>
      title={t('datacenters.title')}
      extra={
        <>
          <Typography.Text type="secondary" data-testid="datacenter-refresh-hint">
            {t('datacenters.autoRefresh')}
            {updated && ` · ${t('datacenters.updatedAt', { time: updated })}`}
          </Typography.Text>
          <Button
            icon={<ReloadOutlined />}
            loading={refreshing}
            onClick={refresh}
            data-testid="datacenter-refresh"
          >
            {t('common.refresh')}
          </Button>
          <SearchBox onSearch={list.search} data-testid="datacenter-search" />
          {canManage && (
            <CreateButton onClick={() => form.show()} data-testid="datacenter-create">
              {t('datacenters.create')}
            </CreateButton>
          )}
        </>
      }
      error={query.error}
      columns={columns}
      dataSource={query.data?.items}
      // Not isFetching: the 5 s poll must not flash a spinner over the table.
      loading={query.isPending || query.isPlaceholderData}
      onRow={rowTestId('datacenter', (r) => r.name)}
      scroll={{ x: 'max-content' }}
      pagination={list.pagination(query.data?.total)}
      data-testid="datacenter-table"
    >
      <DatacenterFormModal
        open={form.open}
        editing={form.editing}
        onClose={form.close}
        onCreated={({ name, enrollment }) =>
          setShown({ open: true, value: { name, enrollment, rotation: false } })
        }
      />
      <EnrollmentModal
        open={shown.open}
        shown={shown.value}
        onClose={() => setShown({ open: false, value: shown.value })}
        afterClose={() => setShown({ open: false, value: null })}
      />
      <AgentInfoModal open={test.open} datacenter={test.editing} onClose={test.close} />
      <DatacenterDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </AdminListPage>
  );
}
