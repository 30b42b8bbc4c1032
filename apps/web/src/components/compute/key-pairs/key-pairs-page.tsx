'use client';

import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { deleteKeyPair, listKeyPairs } from '@yunguan/contract';
import { Empty, Typography } from 'antd';
import { useState } from 'react';
import { AdminListPage } from '@/components/common/admin-list-page';
import { CreateButton } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { rowTestId } from '@/components/common/row-props';
import { useRemoveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { useCan } from '@/lib/me-context';
import { DatacenterSelect, useDatacenterChoice } from '../datacenter-choice';
import { CreateKeyPairModal } from './create-key-pair-modal';

type KeyPair = ResponseOf<typeof listKeyPairs>['items'][number];

/** The current project's key pairs in one datacenter: list, create (import or generate), delete. */
export function KeyPairsPage() {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const canUse = useCan('resource.use');
  const choice = useDatacenterChoice();
  const datacenterId = choice.datacenterId ?? '';
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    ...queryOptionsFor(listKeyPairs, {
      params: { id: datacenterId },
      query: { projectId: projectId ?? '' },
    }),
    enabled: datacenterId !== '' && projectId !== undefined,
  });
  const remove = useRemoveMutation(
    (name) =>
      callContract(deleteKeyPair, {
        params: { id: datacenterId, name },
        query: { projectId: projectId ?? '' },
      }),
    { stale: [listKeyPairs], successText: t('common.deleted') },
  );

  if (!projectId) return <Empty description={t('compute.noProject')} />;
  return (
    <AdminListPage<KeyPair & { id: string }>
      title={t('keyPair.title')}
      extra={
        <>
          <DatacenterSelect choice={choice} />
          {canUse && datacenterId && (
            <CreateButton onClick={() => setCreating(true)} data-testid="key-pair-create">
              {t('keyPair.create')}
            </CreateButton>
          )}
        </>
      }
      error={choice.query.error ?? query.error}
      dataSource={query.data?.items.map((k) => ({ ...k, id: k.name }))}
      loading={query.isFetching}
      pagination={false}
      onRow={rowTestId('key-pair', (k) => k.name)}
      data-testid="key-pair-table"
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('keyPair.type'), dataIndex: 'type' },
        {
          title: t('keyPair.fingerprint'),
          dataIndex: 'fingerprint',
          render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
        },
        ...(canUse
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, k: KeyPair) => (
                  <EditDeleteActions
                    name={k.name}
                    onDelete={() => remove.mutate(k.name)}
                    editTestId={`key-pair-edit-${k.name}`}
                    deleteTestId={`key-pair-delete-${k.name}`}
                  />
                ),
              },
            ]
          : []),
      ]}
    >
      <CreateKeyPairModal
        open={creating}
        datacenterId={datacenterId}
        projectId={projectId}
        onClose={() => setCreating(false)}
      />
    </AdminListPage>
  );
}
