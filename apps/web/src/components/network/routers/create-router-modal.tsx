'use client';

import type { CreateRouterInput } from '@yunguan/contract';
import { createRouter } from '@yunguan/contract';
import { Form, Switch } from 'antd';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';
import { ExternalNetworkSelect } from './external-network-select';

/** A router, optionally with its gateway on an external network (SNAT on by default). */
export function CreateRouterModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<CreateRouterInput>();
  const datacenterId = Form.useWatch('datacenterId', form) as string | undefined;
  const external = Form.useWatch('externalNetworkId', form);
  return (
    <TaskFormModal<CreateRouterInput>
      open={props.open}
      onClose={props.onClose}
      title={t('net.rt.create')}
      form={form}
      contract={createRouter}
      prefix="router-create"
      initialValues={{ enableSnat: true }}
      input={(v) => ({
        params: { projectId: projectId ?? '' },
        body: v.externalNetworkId ? v : { ...v, enableSnat: undefined },
      })}
    >
      <DatacenterField testId="router-create-datacenter" />
      <NameItem testId="router-create-name" />
      <DescriptionItem testId="router-create-description" rows={2} />
      <Form.Item name="externalNetworkId" label={t('net.rt.externalNetwork')}>
        <ExternalNetworkSelect
          datacenterId={datacenterId}
          testId="router-create-external"
          allowClear
        />
      </Form.Item>
      {external && (
        <Form.Item name="enableSnat" label={t('net.rt.snat')} valuePropName="checked">
          <Switch data-testid="router-create-snat" />
        </Form.Item>
      )}
    </TaskFormModal>
  );
}
