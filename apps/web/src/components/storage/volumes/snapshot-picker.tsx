'use client';

import { useQuery } from '@tanstack/react-query';
import { listVolumeSnapshots } from '@yunguan/contract';
import { Select, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';

/** An available snapshot of the project in the datacenter; `onPicked` gets its size. */
export function SnapshotPicker(props: {
  projectId: string;
  datacenterId: string;
  value?: string;
  onChange?: (value: string) => void;
  onPicked?: (sizeGb: number) => void;
}) {
  const { t } = useI18n();
  const { projectId, datacenterId, value, onChange, onPicked } = props;
  const query = useQuery({
    ...queryOptionsFor(listVolumeSnapshots, {
      params: { projectId },
      query: { datacenterId, status: 'available', pageSize: 500, sort: 'name' },
    }),
    enabled: datacenterId !== '',
  });
  const items = query.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={query.error} />
      <Select
        value={value}
        onChange={(id: string) => {
          onChange?.(id);
          const size = items.find((s) => s.id === id)?.spec.sizeGb;
          if (size) onPicked?.(size);
        }}
        loading={query.isPending}
        showSearch={{ optionFilterProp: 'title' }}
        placeholder={t('volume.pickSnapshot')}
        data-testid="volume-snapshot-picker"
        options={items.map((s) => ({
          value: s.id,
          title: s.name,
          label: (
            <span data-testid={`snapshot-option-${s.name}`}>
              {s.name}{' '}
              <Typography.Text type="secondary">
                {[s.spec.volumeName, t('storage.sizeGb', { size: s.spec.sizeGb })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </span>
          ),
        }))}
      />
    </>
  );
}
