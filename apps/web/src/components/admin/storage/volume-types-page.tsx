'use client';

import { useQuery } from '@tanstack/react-query';
import type { VolumeType } from '@yunguan/contract';
import { deleteVolumeType, listVolumeTypes } from '@yunguan/contract';
import { Alert, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CreateButton } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { useRemoveMutation } from '@/components/common/use-contract-mutation';
import { CatalogListPage } from '@/components/compute/admin/catalog-list-page';
import { useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { CreateVolumeTypeModal, EditExtraSpecsModal } from './volume-type-dialogs';
import { BACKEND_KEY } from './extra-specs-editor';

type Row = VolumeType & { id: string };

/** A datacenter's volume types with their extra specs (compute.admin): create with a preset
 * (gold / silver / bronze → volume_backend_name), edit extra specs, delete. */
export function VolumeTypesPage() {
  const { t } = useI18n();
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const capabilities = useDatacenterCapabilities(choice.datacenterId);
  const manage = !capabilities || capabilities.includes('volume.type.manage');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<VolumeType | null>(null);
  const query = useQuery({
    ...queryOptionsFor(listVolumeTypes, { params: { id } }),
    enabled: id !== '',
  });
  const remove = useRemoveMutation(
    (typeId) => callContract(deleteVolumeType, { params: { id, typeId } }),
    { stale: [listVolumeTypes], successText: t('volumeType.deleted') },
  );
  return (
    <>
      {!manage && (
        <Alert
          type="info"
          showIcon
          title={t('volumeType.noCapability')}
          style={{ marginBottom: 16 }}
        />
      )}
      <CatalogListPage<Row>
        title={t('storage.admin.volumeTypes')}
        choice={choice}
        error={query.error}
        loading={query.isPending && id !== ''}
        items={query.data?.items.map((v) => ({ ...v, id: v.externalId }))}
        rowName={(v) => v.name}
        testId="volume-type"
        extra={
          manage && (
            <CreateButton onClick={() => setCreating(true)} data-testid="volume-type-create">
              {t('volumeType.create')}
            </CreateButton>
          )
        }
        columns={[
          {
            title: t('common.name'),
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name),
          },
          {
            title: t('pool.backend'),
            key: 'backend',
            render: (_, v) =>
              v.extraSpecs[BACKEND_KEY] ? <Tag color="gold">{v.extraSpecs[BACKEND_KEY]}</Tag> : '—',
          },
          {
            title: t('volumeType.extraSpecs'),
            key: 'extraSpecs',
            render: (_, v) =>
              Object.keys(v.extraSpecs).length ? (
                <Flex gap={4} wrap data-testid={`volume-type-specs-${v.name}`}>
                  {Object.entries(v.extraSpecs).map(([k, value]) => (
                    <Tag key={k}>{`${k}=${value}`}</Tag>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('volumeType.public'),
            dataIndex: 'isPublic',
            render: (p: boolean) => (p ? t('common.yes') : t('common.no')),
          },
          { title: t('common.description'), dataIndex: 'description' },
          {
            title: 'ID',
            dataIndex: 'externalId',
            render: (id: string) => (
              <Typography.Text copyable={{ text: id }} style={{ maxWidth: 120 }} ellipsis>
                {id}
              </Typography.Text>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, v: Row) => (
                    <EditDeleteActions
                      name={v.name}
                      onEdit={() => setEditing(v)}
                      editLabel={t('volumeType.edit')}
                      onDelete={() => remove.mutate(v.externalId)}
                      editTestId={`volume-type-edit-${v.name}`}
                      deleteTestId={`volume-type-delete-${v.name}`}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <CreateVolumeTypeModal open={creating} datacenterId={id} onClose={() => setCreating(false)} />
      <EditExtraSpecsModal type={editing} datacenterId={id} onClose={() => setEditing(null)} />
    </>
  );
}
