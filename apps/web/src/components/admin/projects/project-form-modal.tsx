'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project } from '@yunguan/contract';
import {
  createProject,
  descriptionSchema,
  getMe,
  listProjects,
  nameSchema,
  updateProject,
} from '@yunguan/contract';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { DepartmentSelect } from '@/components/admin/department-select';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';

type Values = { name: string; description?: string; departmentId: string };

/** Create (editing = null) or edit a project; the department is chosen at creation only. */
export function ProjectFormModal(props: {
  open: boolean;
  editing: Project | null;
  defaultDepartmentId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { open, editing, defaultDepartmentId, onClose } = props;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      name: editing?.name,
      description: editing?.description,
      departmentId: editing?.departmentId ?? defaultDepartmentId,
    });
  }, [open, editing, defaultDepartmentId, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const description = values.description ?? '';
      return editing
        ? callContract(updateProject, {
            params: { id: editing.id },
            body: { name: values.name, description },
          })
        : callContract(createProject, {
            body: { name: values.name, description, departmentId: values.departmentId },
          });
    },
    onSuccess: async () => {
      void message.success(editing ? t('common.saved') : t('common.created'));
      await queryClient.invalidateQueries({ queryKey: [listProjects.id] });
      // The creator may now see the project in the switcher.
      await queryClient.invalidateQueries({ queryKey: [getMe.id] });
      onClose();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <Modal
      open={open}
      title={editing ? t('projects.edit') : t('projects.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'project-form-submit' }}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      forceRender
    >
      <ErrorAlert error={mutation.error} testId="project-form-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        data-testid="project-form"
      >
        <Form.Item
          name="departmentId"
          label={t('common.department')}
          rules={[{ required: !editing, message: t('common.required') }]}
        >
          <DepartmentSelect disabled={!!editing} data-testid="project-form-department" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            zodRule(nameSchema, t('validation.name')),
          ]}
        >
          <Input maxLength={64} data-testid="project-form-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[zodRule(descriptionSchema, t('validation.description'))]}
        >
          <Input.TextArea rows={3} maxLength={255} data-testid="project-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
