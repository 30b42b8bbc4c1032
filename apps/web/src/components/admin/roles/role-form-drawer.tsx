'use client';

import type { Role } from '@yunguan/contract';
import { createRole, listRoles, updateRole } from '@yunguan/contract';
import type { MenuKey, Permission } from '@yunguan/domain';
import { scopedPermissions } from '@yunguan/domain';
import { Alert, Form } from 'antd';
import { useEffect } from 'react';
import { FormDrawer } from '@/components/common/form-dialogs';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { MenuPicker, PermissionPicker } from './permission-picker';

type Values = { name: string; description?: string; permissions: Permission[]; menus: MenuKey[] };

/** Create a custom role, edit one, or view a built-in role read-only. */
export function RoleFormDrawer(props: {
  open: boolean;
  editing: Role | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
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

  const mutation = useSaveMutation(form, {
    save: (v: Values) => {
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
    stale: [listRoles],
    successText: editing ? t('common.saved') : t('common.created'),
    onSaved: onClose,
  });

  const title = readOnly ? t('roles.view') : editing ? t('roles.edit') : t('roles.create');
  return (
    <FormDrawer
      open={open}
      size={720}
      title={title}
      onClose={onClose}
      readOnly={readOnly}
      notice={
        readOnly && (
          <Alert
            type="info"
            showIcon
            title={t('roles.builtInReadOnly')}
            style={{ marginBottom: 16 }}
          />
        )
      }
      form={form}
      mutation={mutation}
      submitTestId="role-form-submit"
      errorTestId="role-form-error"
      formTestId="role-form"
      formProps={{ disabled: readOnly, initialValues: { permissions: [], menus: [] } }}
    >
      <NameItem testId="role-form-name" />
      <DescriptionItem rows={2} testId="role-form-description" />
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
    </FormDrawer>
  );
}
