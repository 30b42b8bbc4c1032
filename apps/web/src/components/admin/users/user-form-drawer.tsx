'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignmentInput, User } from '@yunguan/contract';
import { createUser, listUsers, updateUser, userInput } from '@yunguan/contract';
import { App, Button, Drawer, Form, Input, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';
import { RoleAssignmentsField } from './role-assignments-field';
import type { AssignmentValue } from './role-assignments-field';

type Values = {
  username: string;
  password?: string;
  displayName?: string;
  email?: string;
  departmentId: string;
  status: User['status'];
  roles?: AssignmentValue[];
};

const toAssignments = (rows: AssignmentValue[] = []): AssignmentInput[] =>
  rows.map((r) => ({
    role: r.role ?? '',
    scope: r.scope ?? 'project',
    departmentId: r.scope === 'department' ? r.departmentId : undefined,
    projectId: r.scope === 'project' ? r.projectId : undefined,
  }));

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Create (editing = null) or edit a user, including their role assignments. */
export function UserFormDrawer(props: {
  open: boolean;
  editing: User | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { open, editing, onClose } = props;
  const fields = userInput.shape;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        email: editing.email ?? undefined,
        departmentId: editing.departmentId ?? undefined,
        status: editing.status,
        roles: editing.roles.map((r) => ({
          role: r.role,
          scope: r.scope,
          departmentId: r.departmentId ?? undefined,
          projectId: r.projectId ?? undefined,
        })),
      });
    }
  }, [open, editing, form]);

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? callContract(updateUser, {
            params: { id: editing.id },
            body: {
              displayName: v.displayName?.trim() ?? '',
              email: blankToUndefined(v.email) ?? null,
              status: v.status,
              roles: toAssignments(v.roles),
              password: blankToUndefined(v.password),
            },
          })
        : callContract(createUser, {
            body: {
              username: v.username,
              password: v.password ?? '',
              departmentId: v.departmentId,
              displayName: blankToUndefined(v.displayName),
              email: blankToUndefined(v.email),
              roles: toAssignments(v.roles),
            },
          }),
    onSuccess: async () => {
      void message.success(editing ? t('common.saved') : t('common.created'));
      await queryClient.invalidateQueries({ queryKey: [listUsers.id] });
      onClose();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Drawer
      open={open}
      size={640}
      title={editing ? t('users.edit') : t('users.create')}
      onClose={onClose}
      afterOpenChange={(visible) => !visible && mutation.reset()}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            onClick={() => form.submit()}
            data-testid="user-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={mutation.error} testId="user-form-error" />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: 'active', roles: [] }}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={editing ? [] : [required, zodRule(fields.username, t('validation.username'))]}
        >
          <Input disabled={!!editing} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('users.resetPassword') : t('users.password')}
          extra={editing ? t('users.resetPasswordHelp') : undefined}
          rules={[
            ...(editing ? [] : [{ required: true, message: t('common.required') }]),
            zodRule(fields.password, t('validation.password')),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ max: 64, message: t('common.tooLong', { max: 64 }) }]}
        >
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[zodRule(fields.email, t('validation.email'))]}
        >
          <Input type="email" data-testid="user-form-email" />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('common.department')}
          rules={editing ? [] : [{ required: true, message: t('common.required') }]}
        >
          <DepartmentSelect disabled={!!editing} data-testid="user-form-department" />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('users.status')}>
            <Radio.Group data-testid="user-form-status">
              <Radio value="active">{t('users.status.active')}</Radio>
              <Radio value="disabled">{t('users.status.disabled')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item label={t('users.roles')} required={false}>
          <RoleAssignmentsField />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
