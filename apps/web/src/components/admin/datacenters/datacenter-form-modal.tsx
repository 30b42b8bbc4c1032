'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Datacenter, Enrollment } from '@yunguan/contract';
import {
  createDatacenter,
  datacenterInput,
  datacenterKindSchema,
  descriptionSchema,
  listDatacenters,
  nameSchema,
  updateDatacenter,
} from '@yunguan/contract';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';

type Values = { name: string; region: string; kind: Datacenter['kind']; description?: string };

const regionSchema = datacenterInput.shape.region;

/** Create (editing = null) or edit a datacenter. Creating hands the one-time enrollment on. */
export function DatacenterFormModal(props: {
  open: boolean;
  editing: Datacenter | null;
  onClose: () => void;
  onCreated: (created: { name: string; enrollment: Enrollment }) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { open, editing, onClose, onCreated } = props;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      name: editing?.name,
      region: editing?.region,
      kind: editing?.kind ?? 'openstack',
      description: editing?.description,
    });
  }, [open, editing, form]);

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const description = v.description ?? '';
      if (editing) {
        const body = { name: v.name, region: v.region, description };
        await callContract(updateDatacenter, { params: { id: editing.id }, body });
        return null;
      }
      const body = { name: v.name, region: v.region, kind: v.kind, description };
      return callContract(createDatacenter, { body });
    },
    onSuccess: async (created) => {
      void message.success(editing ? t('common.saved') : t('common.created'));
      await queryClient.invalidateQueries({ queryKey: [listDatacenters.id] });
      onClose();
      if (created) onCreated({ name: created.name, enrollment: created.enrollment });
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <Modal
      open={open}
      title={editing ? t('datacenters.edit') : t('datacenters.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? t('common.save') : t('common.create')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'datacenter-form-submit' }}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      forceRender
    >
      <ErrorAlert error={mutation.error} testId="datacenter-form-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        data-testid="datacenter-form"
      >
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            zodRule(nameSchema, t('validation.name')),
          ]}
        >
          <Input maxLength={64} data-testid="datacenter-form-name" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('datacenters.region')}
          extra={t('datacenters.regionHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            zodRule(regionSchema, t('datacenters.regionHelp')),
          ]}
        >
          <Input maxLength={64} data-testid="datacenter-form-region" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('datacenters.kind')}
          extra={editing ? t('datacenters.kindFixed') : undefined}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            disabled={editing !== null}
            data-testid="datacenter-form-kind"
            options={datacenterKindSchema.options.map((kind) => ({
              value: kind,
              label: (
                <span data-testid={`datacenter-kind-${kind}`}>{t(`datacenters.kind.${kind}`)}</span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[zodRule(descriptionSchema, t('validation.description'))]}
        >
          <Input.TextArea rows={3} maxLength={255} data-testid="datacenter-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
