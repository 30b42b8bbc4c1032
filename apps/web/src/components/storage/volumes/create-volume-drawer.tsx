'use client';

import { useQuery } from '@tanstack/react-query';
import type { BodyOf } from '@yunguan/contract';
import {
  createVolume,
  listAvailabilityZones,
  listUsableDatacenters,
  listVolumeTypes,
  maxVolumeGb,
  resourceName,
} from '@yunguan/contract';
import { Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import { useEffect } from 'react';
import { FormDrawer } from '@/components/common/form-dialogs';
import { ImagePicker } from '@/components/compute/catalog/catalog-pickers';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { zodRule } from '@/lib/form-rules';
import { useStorageTask } from './use-volume-action';
import { SnapshotPicker } from './snapshot-picker';

export type CreateVolumeValues = {
  datacenterId?: string;
  availabilityZone?: string;
  name?: string;
  description?: string;
  sizeGb?: number;
  volumeType?: string;
  sourceType: 'empty' | 'image' | 'snapshot';
  imageId?: string;
  snapshotId?: string;
};

const toBody = (v: CreateVolumeValues): BodyOf<typeof createVolume> => ({
  datacenterId: v.datacenterId ?? '',
  name: (v.name ?? '').trim(),
  sizeGb: v.sizeGb ?? 1,
  ...(v.description?.trim() ? { description: v.description.trim() } : {}),
  ...(v.volumeType ? { volumeType: v.volumeType } : {}),
  ...(v.availabilityZone ? { availabilityZone: v.availabilityZone } : {}),
  source:
    v.sourceType === 'image'
      ? { type: 'image', imageId: v.imageId ?? '' }
      : v.sourceType === 'snapshot'
        ? { type: 'snapshot', snapshotId: v.snapshotId ?? '' }
        : { type: 'empty' },
});

/** Datacenter, zone, name, size, type and source (empty, an image, a snapshot of the project);
 * answers with the create task, the new row then turns available live. `initial` pre-fills
 * (e.g. "create volume from this snapshot"). */
export function CreateVolumeDrawer(props: {
  open: boolean;
  onClose: () => void;
  projectId: string;
  initial?: Partial<CreateVolumeValues>;
}) {
  const { open, onClose, projectId, initial } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<CreateVolumeValues>();
  const task = useStorageTask((v: CreateVolumeValues) =>
    callContract(createVolume, { params: { projectId }, body: toBody(v) }),
  );
  const mutation = {
    ...task,
    mutate: (v: CreateVolumeValues) => task.mutate(v, { onSuccess: onClose }),
  };

  const datacenterId = Form.useWatch('datacenterId', form) ?? '';
  const sourceType = Form.useWatch('sourceType', form) ?? 'empty';
  const datacenters = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  const capabilities = datacenters.data?.items.find((d) => d.id === datacenterId)?.capabilities;
  const zones = useQuery({
    ...queryOptionsFor(listAvailabilityZones, { params: { id: datacenterId } }),
    enabled: datacenterId !== '',
  });
  const types = useQuery({
    ...queryOptionsFor(listVolumeTypes, { params: { id: datacenterId } }),
    enabled: datacenterId !== '',
  });

  // Only when the drawer opens: later datacenter list refreshes must not reset the form.
  const dcList = datacenters.data?.items;
  const firstUsable = dcList?.find((d) => d.capabilities.includes('volume.manage'))?.id;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ datacenterId: firstUsable, sizeGb: 10, sourceType: 'empty', ...initial });
  }, [open, form, initial, firstUsable]);

  return (
    <FormDrawer<CreateVolumeValues>
      open={open}
      size={560}
      title={t('volume.create')}
      onClose={onClose}
      form={form}
      mutation={mutation}
      submitTestId="volume-create-submit"
      errorTestId="volume-create-error"
      formTestId="volume-create-form"
    >
      <Form.Item
        name="datacenterId"
        label={t('storage.datacenter')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          loading={datacenters.isPending}
          data-testid="volume-datacenter"
          onChange={() =>
            form.setFieldsValue({
              availabilityZone: undefined,
              volumeType: undefined,
              imageId: undefined,
              snapshotId: undefined,
            })
          }
          options={(datacenters.data?.items ?? []).map((d) => ({
            value: d.id,
            disabled: !d.capabilities.includes('volume.manage'),
            label: (
              <span data-testid={`volume-datacenter-${d.name}`}>
                {d.name} <Tag>{d.region}</Tag>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="availabilityZone" label={t('storage.az')}>
        <Select
          allowClear
          loading={zones.isFetching}
          data-testid="volume-az"
          options={(zones.data?.items ?? []).map((z) => ({
            value: z.name,
            label: z.name,
            disabled: !z.available,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('storage.name')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          zodRule(resourceName, t('volume.nameRule')),
        ]}
      >
        <Input maxLength={255} data-testid="volume-name" />
      </Form.Item>
      <Form.Item
        name="sizeGb"
        label={t('storage.size')}
        extra={t('volume.sizeHelp')}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: maxVolumeGb,
            message: t('volume.sizeRule'),
          },
        ]}
      >
        <InputNumber
          min={1}
          max={maxVolumeGb}
          precision={0}
          addonAfter="GB"
          data-testid="volume-size"
        />
      </Form.Item>
      <Form.Item name="volumeType" label={t('volume.type')} extra={t('volume.typeHelp')}>
        <Select
          allowClear
          placeholder={t('volume.typeDefault')}
          loading={types.isFetching}
          data-testid="volume-type"
          options={(types.data?.items ?? []).map((type) => ({
            value: type.name,
            label: (
              <span data-testid={`volume-type-option-${type.name}`}>
                {type.name}
                {type.extraSpecs.volume_backend_name && (
                  <Tag style={{ marginInlineStart: 8 }}>{type.extraSpecs.volume_backend_name}</Tag>
                )}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="sourceType" label={t('volume.source')}>
        <Radio.Group
          data-testid="volume-source"
          options={[
            { value: 'empty', label: t('volume.source.empty') },
            {
              value: 'image',
              label: t('volume.source.image'),
              disabled: capabilities !== undefined && !capabilities.includes('volume.from-image'),
            },
            { value: 'snapshot', label: t('volume.source.snapshot') },
          ]}
        />
      </Form.Item>
      {sourceType === 'image' && (
        <Form.Item
          name="imageId"
          label={t('volume.sourceImage')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <ImagePicker datacenterId={datacenterId} projectId={projectId} testId="volume-image" />
        </Form.Item>
      )}
      {sourceType === 'snapshot' && (
        <Form.Item
          name="snapshotId"
          label={t('volume.sourceSnapshot')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <SnapshotPicker
            projectId={projectId}
            datacenterId={datacenterId}
            onPicked={(size) => {
              const current = form.getFieldValue('sizeGb') as number | undefined;
              if (!current || current < size) form.setFieldsValue({ sizeGb: size });
            }}
          />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('storage.description')}>
        <Input.TextArea rows={2} maxLength={255} data-testid="volume-description" />
      </Form.Item>
    </FormDrawer>
  );
}
