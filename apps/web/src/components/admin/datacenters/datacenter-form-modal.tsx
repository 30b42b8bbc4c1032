'use client';

import type { Datacenter, Enrollment } from '@yunguan/contract';
import {
  createDatacenter,
  datacenterInput,
  datacenterKindSchema,
  listDatacenters,
  updateDatacenter,
} from '@yunguan/contract';
import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '@/components/common/form-dialogs';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { zodRule } from '@/lib/form-rules';

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

  const mutation = useSaveMutation(form, {
    save: async (v: Values) => {
      const description = v.description ?? '';
      if (editing) {
        const body = { name: v.name, region: v.region, description };
        await callContract(updateDatacenter, { params: { id: editing.id }, body });
        return null;
      }
      const body = { name: v.name, region: v.region, kind: v.kind, description };
      return callContract(createDatacenter, { body });
    },
    stale: [listDatacenters],
    successText: editing ? t('common.saved') : t('common.created'),
    onSaved: (created) => {
      onClose();
      if (created) onCreated({ name: created.name, enrollment: created.enrollment });
    },
  });

  return (
    <FormModal
      open={open}
      title={editing ? t('datacenters.edit') : t('datacenters.create')}
      onClose={onClose}
      okText={editing ? t('common.save') : t('common.create')}
      form={form}
      mutation={mutation}
      submitTestId="datacenter-form-submit"
      errorTestId="datacenter-form-error"
      formTestId="datacenter-form"
    >
      <NameItem testId="datacenter-form-name" />
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
      <DescriptionItem testId="datacenter-form-description" />
    </FormModal>
  );
}
