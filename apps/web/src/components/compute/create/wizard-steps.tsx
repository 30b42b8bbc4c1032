'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  createServerInput,
  listAvailabilityZones,
  listKeyPairs,
  listNetworks,
  listSecurityGroups,
  listServerGroups,
  listUsableDatacenters,
} from '@yunguan/contract';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { zodRule } from '@/lib/form-rules';
import { FlavorPicker, ImagePicker } from '../catalog/catalog-pickers';
import { CreateKeyPairModal } from '../key-pairs/create-key-pair-modal';
import type { WizardValues } from './wizard-values';

type Where = { datacenterId: string; projectId: string };
const nameRule = createServerInput.shape.name;
const tunnelColors = { online: 'green', degraded: 'orange', offline: 'red' } as const;

/** Datacenter, availability zone, name and count. */
export function BasicsStep({ datacenterId }: { datacenterId: string }) {
  const { t } = useI18n();
  const datacenters = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  const zones = useQuery({
    ...queryOptionsFor(listAvailabilityZones, { params: { id: datacenterId } }),
    enabled: datacenterId !== '',
  });
  return (
    <>
      <ErrorAlert error={datacenters.error} testId="wizard-datacenter-error" />
      <Form.Item
        name="datacenterId"
        label={t('compute.datacenter')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          loading={datacenters.isPending}
          data-testid="wizard-datacenter"
          options={(datacenters.data?.items ?? []).map((d) => ({
            value: d.id,
            label: (
              <span data-testid={`wizard-datacenter-${d.name}`}>
                {d.name} <Tag>{d.region}</Tag>
                <Tag color={tunnelColors[d.tunnel]}>{t(`datacenters.state.${d.tunnel}`)}</Tag>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="availabilityZone" label={t('server.az')} extra={t('wizard.azHelp')}>
        <Select
          allowClear
          loading={zones.isFetching}
          data-testid="wizard-az"
          options={(zones.data?.items ?? []).map((z) => ({
            value: z.name,
            label: z.name,
            disabled: !z.available,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('server.name')}
        extra={t('wizard.nameHelp')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          zodRule(nameRule, t('wizard.nameRule')),
        ]}
      >
        <Input maxLength={64} data-testid="wizard-name" />
      </Form.Item>
      <Form.Item
        name="count"
        label={t('wizard.count')}
        extra={t('wizard.countHelp')}
        rules={[
          { required: true, type: 'integer', min: 1, max: 20, message: t('wizard.countRule') },
        ]}
      >
        <InputNumber min={1} max={20} precision={0} data-testid="wizard-count" />
      </Form.Item>
    </>
  );
}

/** The flavor table. */
export function FlavorStep({ datacenterId }: { datacenterId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="flavorId"
      label={t('server.flavor')}
      rules={[{ required: true, message: t('wizard.pickFlavor') }]}
    >
      <FlavorPicker datacenterId={datacenterId} testId="wizard-flavor" />
    </Form.Item>
  );
}

/** Boot from an image, or from a new volume made of it. */
export function ImageStep({ datacenterId, projectId }: Where) {
  const { t } = useI18n();
  const source = Form.useWatch<WizardValues['bootSource']>('bootSource');
  return (
    <>
      <Form.Item name="bootSource" label={t('wizard.bootSource')}>
        <Radio.Group
          data-testid="wizard-boot-source"
          options={[
            { value: 'image', label: t('wizard.bootImage') },
            { value: 'volume', label: t('wizard.bootVolume') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="imageId"
        label={t('server.image')}
        rules={[{ required: true, message: t('wizard.pickImage') }]}
      >
        <ImagePicker datacenterId={datacenterId} projectId={projectId} testId="wizard-image" />
      </Form.Item>
      {source === 'volume' && (
        <Form.Item
          name="bootVolumeGb"
          label={t('wizard.bootVolumeGb')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: 16384,
              message: t('wizard.volumeRule'),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={16384}
            precision={0}
            addonAfter="GB"
            data-testid="wizard-volume-gb"
          />
        </Form.Item>
      )}
    </>
  );
}

/** Networks (one or more) and security groups. */
export function NetworkStep({ datacenterId, projectId }: Where) {
  const { t } = useI18n();
  const input = { params: { id: datacenterId }, query: { projectId } };
  const enabled = datacenterId !== '';
  const networks = useQuery({ ...queryOptionsFor(listNetworks, input), enabled });
  const groups = useQuery({ ...queryOptionsFor(listSecurityGroups, input), enabled });
  // External networks carry floating IPs; servers boot on the project's own or shared ones.
  const attachable = (networks.data?.items ?? []).filter((n) => !n.external);
  return (
    <>
      <ErrorAlert error={networks.error ?? groups.error} />
      <Form.Item
        name="networkIds"
        label={t('wizard.networks')}
        rules={[
          { required: true, type: 'array', min: 1, max: 8, message: t('wizard.pickNetwork') },
        ]}
        valuePropName="value"
      >
        <Checkbox.Group style={{ width: '100%' }} data-testid="wizard-networks">
          <Table
            rowKey="externalId"
            size="small"
            pagination={false}
            loading={networks.isPending && enabled}
            dataSource={attachable}
            style={{ width: '100%' }}
            columns={[
              {
                key: 'pick',
                width: 48,
                render: (_, n) => (
                  <Checkbox value={n.externalId} data-testid={`wizard-network-${n.name}`} />
                ),
              },
              { title: t('common.name'), dataIndex: 'name' },
              {
                title: t('wizard.networkKind'),
                key: 'kind',
                render: (_, n) =>
                  n.shared ? (
                    <Tag color="blue">{t('wizard.shared')}</Tag>
                  ) : (
                    <Tag>{t('wizard.own')}</Tag>
                  ),
              },
              { title: 'MTU', dataIndex: 'mtu', render: (mtu: number | null) => mtu ?? '—' },
            ]}
          />
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="securityGroups"
        label={t('server.securityGroups')}
        extra={t('wizard.sgHelp')}
      >
        <Select
          mode="multiple"
          loading={groups.isPending && enabled}
          data-testid="wizard-security-groups"
          options={(groups.data?.items ?? []).map((g) => ({ value: g.name, label: g.name }))}
        />
      </Form.Item>
    </>
  );
}

/** Key pair (pick or create inline), user data and server group. */
export function AccessStep({ datacenterId, projectId }: Where) {
  const { t } = useI18n();
  const form = Form.useFormInstance<WizardValues>();
  const [creating, setCreating] = useState(false);
  const input = { params: { id: datacenterId }, query: { projectId } };
  const enabled = datacenterId !== '';
  const keys = useQuery({ ...queryOptionsFor(listKeyPairs, input), enabled });
  const serverGroups = useQuery({ ...queryOptionsFor(listServerGroups, input), enabled });
  return (
    <>
      <ErrorAlert error={keys.error ?? serverGroups.error} />
      <Form.Item label={t('server.keyName')} extra={t('wizard.keyHelp')}>
        <Flex gap={8}>
          <Form.Item name="keyName" noStyle>
            <Select
              allowClear
              style={{ flex: 1 }}
              loading={keys.isPending && enabled}
              data-testid="wizard-key-pair"
              options={(keys.data?.items ?? []).map((k) => ({ value: k.name, label: k.name }))}
            />
          </Form.Item>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="wizard-key-create"
          >
            {t('keyPair.create')}
          </Button>
        </Flex>
      </Form.Item>
      <Form.Item name="serverGroupId" label={t('wizard.serverGroup')}>
        <Select
          allowClear
          data-testid="wizard-server-group"
          options={(serverGroups.data?.items ?? []).map((g) => ({
            value: g.externalId,
            label: `${g.name} (${g.policy})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="userData"
        label={t('wizard.userData')}
        extra={t('wizard.userDataHelp')}
        rules={[{ max: 65536, message: t('common.tooLong', { max: 65536 }) }]}
      >
        <Input.TextArea rows={6} placeholder="#cloud-config" data-testid="wizard-user-data" />
      </Form.Item>
      <CreateKeyPairModal
        open={creating}
        datacenterId={datacenterId}
        projectId={projectId}
        onClose={() => setCreating(false)}
        onCreated={(name) => form.setFieldValue('keyName', name)}
      />
    </>
  );
}
