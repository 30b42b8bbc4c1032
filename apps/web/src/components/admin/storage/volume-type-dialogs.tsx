'use client';

import type { VolumeType } from '@yunguan/contract';
import { createVolumeType, listVolumeTypes, updateVolumeType } from '@yunguan/contract';
import { Checkbox, Form, Input } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '@/components/common/form-dialogs';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import type { SpecRow } from './extra-specs-editor';
import { ExtraSpecsEditor, PresetSelect, rowsOf, specsOf } from './extra-specs-editor';

type CreateValues = { name: string; description?: string; isPublic: boolean; specs?: SpecRow[] };
type EditValues = { specs?: SpecRow[] };

/** New volume type: name, description, public, a preset and free extra specs. */
export function CreateVolumeTypeModal(props: {
  open: boolean;
  datacenterId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const mutation = useSaveMutation(form, {
    save: (v: CreateValues) =>
      callContract(createVolumeType, {
        params: { id: props.datacenterId },
        body: {
          name: v.name.trim(),
          ...(v.description?.trim() ? { description: v.description.trim() } : {}),
          isPublic: v.isPublic,
          extraSpecs: specsOf(v.specs),
        },
      }),
    stale: [listVolumeTypes],
    successText: t('volumeType.created'),
    onSaved: props.onClose,
  });
  return (
    <FormModal<CreateValues>
      open={props.open}
      title={t('volumeType.create')}
      onClose={props.onClose}
      form={form}
      mutation={mutation}
      submitTestId="volume-type-submit"
      errorTestId="volume-type-error"
      formTestId="volume-type-form"
      formProps={{ initialValues: { isPublic: true, specs: [] } }}
    >
      <Form.Item
        name="name"
        label={t('common.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={255} data-testid="volume-type-name" />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input maxLength={255} data-testid="volume-type-description" />
      </Form.Item>
      <Form.Item name="isPublic" valuePropName="checked">
        <Checkbox data-testid="volume-type-public">{t('volumeType.public')}</Checkbox>
      </Form.Item>
      <PresetSelect form={form} datacenterId={props.datacenterId} testId="volume-type-preset" />
      <ExtraSpecsEditor testId="volume-type-spec" />
    </FormModal>
  );
}

/** Edit a type's extra specs; keys removed in the editor are unset (null) in the cloud. */
export function EditExtraSpecsModal(props: {
  type: VolumeType | null;
  datacenterId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { type } = props;
  const [form] = Form.useForm<EditValues>();
  useEffect(() => {
    if (type) form.setFieldsValue({ specs: rowsOf(type.extraSpecs) });
  }, [type, form]);
  const mutation = useSaveMutation(form, {
    save: (v: EditValues) => {
      const next = specsOf(v.specs);
      const removed = Object.keys(type?.extraSpecs ?? {}).filter((k) => !(k in next));
      return callContract(updateVolumeType, {
        params: { id: props.datacenterId, typeId: type?.externalId ?? '' },
        body: {
          extraSpecs: { ...next, ...Object.fromEntries(removed.map((k) => [k, null])) },
        },
      });
    },
    stale: [listVolumeTypes],
    successText: t('volumeType.saved'),
    onSaved: props.onClose,
  });
  return (
    <FormModal<EditValues>
      open={type !== null}
      title={`${t('volumeType.edit')} · ${type?.name ?? ''}`}
      onClose={props.onClose}
      form={form}
      mutation={mutation}
      submitTestId="volume-type-specs-submit"
      errorTestId="volume-type-specs-error"
    >
      <PresetSelect
        form={form}
        datacenterId={props.datacenterId}
        testId="volume-type-edit-preset"
      />
      <ExtraSpecsEditor testId="volume-type-edit-spec" />
    </FormModal>
  );
}
