'use client';

import { useQuery } from '@tanstack/react-query';
import type { Flavor } from '@yunguan/contract';
import { listFlavors, listImages } from '@yunguan/contract';
import { Select, Table, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatBytes, formatRam } from './catalog-format';

type PickerProps = { value?: string; onChange?: (value: string) => void };

/** Pick one flavor from the datacenter's list: a table with vCPU, RAM and disk. */
export function FlavorPicker(
  props: PickerProps & { datacenterId: string; exclude?: string | null; testId?: string },
) {
  const { t } = useI18n();
  const { datacenterId, exclude, value, onChange } = props;
  const query = useQuery({
    ...queryOptionsFor(listFlavors, { params: { id: datacenterId } }),
    enabled: datacenterId !== '',
  });
  const flavors = (query.data?.items ?? [])
    .filter((f) => f.externalId !== exclude)
    .sort((a, b) => a.vcpus - b.vcpus || a.ramMb - b.ramMb || a.name.localeCompare(b.name));
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<Flavor>
        rowKey="externalId"
        size="small"
        loading={query.isPending && datacenterId !== ''}
        dataSource={flavors}
        pagination={false}
        scroll={{ y: 280 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: value ? [value] : [],
          onChange: (keys) => onChange?.(String(keys[0])),
        }}
        onRow={(f) =>
          ({
            onClick: () => onChange?.(f.externalId),
            'data-testid': `flavor-row-${f.name}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid={props.testId ?? 'flavor-picker'}
        columns={[
          { title: t('server.name'), dataIndex: 'name' },
          { title: t('catalog.vcpus'), dataIndex: 'vcpus' },
          { title: t('catalog.ram'), dataIndex: 'ramMb', render: (mb: number) => formatRam(mb) },
          { title: t('catalog.disk'), dataIndex: 'diskGb', render: (gb: number) => `${gb} GB` },
        ]}
      />
    </>
  );
}

/** Pick one image the project can boot from. */
export function ImagePicker(
  props: PickerProps & { datacenterId: string; projectId: string | null; testId?: string },
) {
  const { t } = useI18n();
  const { datacenterId, projectId, value, onChange } = props;
  const query = useQuery({
    ...queryOptionsFor(listImages, {
      params: { id: datacenterId },
      query: { projectId: projectId ?? '' },
    }),
    enabled: datacenterId !== '' && projectId !== null,
  });
  return (
    <>
      <ErrorAlert error={query.error} />
      <Select
        value={value}
        onChange={onChange}
        loading={query.isPending}
        showSearch={{ optionFilterProp: 'title' }}
        placeholder={t('catalog.pickImage')}
        data-testid={props.testId ?? 'image-picker'}
        options={(query.data?.items ?? [])
          .filter((i) => i.status === 'active')
          .map((i) => ({
            value: i.externalId,
            title: i.name,
            label: (
              <span data-testid={`image-option-${i.name}`}>
                {i.name}{' '}
                <Typography.Text type="secondary">
                  {[i.diskFormat, formatBytes(i.sizeBytes)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </span>
            ),
          }))}
      />
    </>
  );
}
