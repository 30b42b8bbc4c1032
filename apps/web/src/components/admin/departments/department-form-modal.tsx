'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Department } from '@yunguan/contract';
import {
  createDepartment,
  descriptionSchema,
  listDepartments,
  nameSchema,
  updateDepartment,
} from '@yunguan/contract';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';

type Values = { name: string; description?: string };

/** Create (editing = null) or edit a department. */
export function DepartmentFormModal(props: {
  open: boolean;
  editing: Department | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { open, editing, onClose } = props;

  useEffect(() => {
    if (open) form.setFieldsValue({ name: editing?.name, description: editing?.description });
  }, [open, editing, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = { name: values.name, description: values.description ?? '' };
      return editing
        ? callContract(updateDepartment, { params: { id: editing.id }, body })
        : callContract(createDepartment, { body });
    },
    onSuccess: async () => {
      void message.success(editing ? t('common.saved') : t('common.created'));
      await queryClient.invalidateQueries({ queryKey: [listDepartments.id] });
      onClose();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <Modal
      open={open}
      title={editing ? t('departments.edit') : t('departments.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'department-form-submit' }}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      forceRender
    >
      <ErrorAlert error={mutation.error} testId="department-form-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        data-testid="department-form"
      >
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            zodRule(nameSchema, t('validation.name')),
          ]}
        >
          <Input maxLength={64} data-testid="department-form-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[zodRule(descriptionSchema, t('validation.description'))]}
        >
          <Input.TextArea rows={3} maxLength={255} data-testid="department-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
