'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@yunguan/contract';
import {
  createRole,
  descriptionSchema,
  listRoles,
  nameSchema,
  updateRole,
} from '@yunguan/contract';
import type { MenuKey, Permission } from '@yunguan/domain';
import { scopedPermissions } from '@yunguan/domain';
import { Alert, App, Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';
import { MenuPicker, PermissionPicker } from './permission-picker';

type Values = { name: string; description?: string; permissions: Permission[]; menus: MenuKey[] };

/** Create a custom role, edit one, or view a built-in role read-only. */
export function RoleFormDrawer(props: {
  open: boolean;
  editing: Role | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { open, editing, onClose } = props;
  const readOnly = editing?.builtIn ?? false;
  // Custom roles pick from scoped permissions; a built-in role may hold platform-only ones.
  const options = readOnly
    ? [...new Set([...scopedPermissions, ...(editing?.permissions ?? [])])]
    : scopedPermissions;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        description: editing.description,
        permissions: editing.permissions,
        menus: editing.menus,
      });
    }
  }, [open, editing, form]);

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        description: v.description ?? '',
        permissions: v.permissions,
        menus: v.menus,
      };
      return editing
        ? callContract(updateRole, { params: { id: editing.id }, body })
        : callContract(createRole, { body });
    },
    onSuccess: async () => {
      void message.success(editing ? t('common.saved') : t('common.created'));
      await queryClient.invalidateQueries({ queryKey: [listRoles.id] });
      onClose();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  const title = readOnly ? t('roles.view') : editing ? t('roles.edit') : t('roles.create');
  return (
    <Drawer
      open={open}
      size={720}
      title={title}
      onClose={onClose}
      afterOpenChange={(visible) => !visible && mutation.reset()}
      forceRender
      extra={
        !readOnly && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={mutation.isPending}
              onClick={() => form.submit()}
              data-testid="role-form-submit"
            >
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {readOnly && (
        <Alert
          type="info"
          showIcon
          title={t('roles.builtInReadOnly')}
          style={{ marginBottom: 16 }}
        />
      )}
      <ErrorAlert error={mutation.error} testId="role-form-error" />
      <Form
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={{ permissions: [], menus: [] }}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="role-form"
      >
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            zodRule(nameSchema, t('validation.name')),
          ]}
        >
          <Input maxLength={64} data-testid="role-form-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[zodRule(descriptionSchema, t('validation.description'))]}
        >
          <Input.TextArea rows={2} maxLength={255} data-testid="role-form-description" />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('roles.permissions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('roles.pickPermission') }]}
        >
          <PermissionPicker options={options} disabled={readOnly} />
        </Form.Item>
        <Form.Item name="menus" label={t('roles.menus')}>
          <MenuPicker disabled={readOnly} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
