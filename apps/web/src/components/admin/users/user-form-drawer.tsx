'use client';

import type { AssignmentInput, User } from '@yunguan/contract';
import { createUser, listUsers, updateUser, userInput } from '@yunguan/contract';
import { Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { FormDrawer } from '@/components/common/form-dialogs';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { zodRule } from '@/lib/form-rules';
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

  const mutation = useSaveMutation(form, {
    save: (v: Values) =>
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
    stale: [listUsers],
    successText: editing ? t('common.saved') : t('common.created'),
    onSaved: onClose,
  });

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <FormDrawer
      open={open}
      size={640}
      title={editing ? t('users.edit') : t('users.create')}
      onClose={onClose}
      form={form}
      mutation={mutation}
      submitTestId="user-form-submit"
      errorTestId="user-form-error"
      formTestId="user-form"
      formProps={{ initialValues: { status: 'active', roles: [] } }}
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
    </FormDrawer>
  );
}
