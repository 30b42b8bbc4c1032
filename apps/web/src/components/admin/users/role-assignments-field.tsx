'use client';

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Role } from '@yunguan/contract';
import { listRoles } from '@yunguan/contract';
import { Button, Flex, Form, Select } from 'antd';
import { DepartmentSelect } from '@/components/admin/department-select';
import { ProjectSelect } from '@/components/admin/project-select';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { roleLabel } from '@/lib/role-label';

export type AssignmentValue = {
  role?: string;
  scope?: Role['scopes'][number];
  departmentId?: string;
  projectId?: string;
};

function AssignmentRow(props: { name: number; roles: Role[]; onRemove: () => void }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const { name, roles } = props;
  const roleId = Form.useWatch<string | undefined>(['roles', name, 'role'], form);
  const scope = Form.useWatch<AssignmentValue['scope']>(['roles', name, 'scope'], form);
  const role = roles.find((r) => r.id === roleId);
  const prefix = `user-form-role-${name}`;

  return (
    <Flex gap={8} align="start" wrap data-testid={prefix}>
      <Form.Item
        name={[name, 'role']}
        rules={[{ required: true, message: t('common.required') }]}
        style={{ flex: '1 1 160px', marginBottom: 8 }}
      >
        <Select
          placeholder={t('users.role')}
          options={roles.map((r) => ({ value: r.id, label: roleLabel(t, r.id, r.name) }))}
          onChange={(id: string) => {
            const scopes = roles.find((r) => r.id === id)?.scopes ?? [];
            form.setFieldValue(
              ['roles', name, 'scope'],
              scopes.length === 1 ? scopes[0] : undefined,
            );
          }}
          data-testid={`${prefix}-role`}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'scope']}
        rules={[{ required: true, message: t('common.required') }]}
        style={{ flex: '0 1 110px', marginBottom: 8 }}
      >
        <Select
          placeholder={t('role.scope')}
          options={(role?.scopes ?? []).map((s) => ({ value: s, label: t(`role.scope.${s}`) }))}
          data-testid={`${prefix}-scope`}
        />
      </Form.Item>
      {scope === 'department' && (
        <Form.Item
          name={[name, 'departmentId']}
          rules={[{ required: true, message: t('users.pickScopeTarget') }]}
          style={{ flex: '1 1 180px', marginBottom: 8 }}
        >
          <DepartmentSelect
            placeholder={t('common.department')}
            data-testid={`${prefix}-department`}
          />
        </Form.Item>
      )}
      {scope === 'project' && (
        <Form.Item
          name={[name, 'projectId']}
          rules={[{ required: true, message: t('users.pickScopeTarget') }]}
          style={{ flex: '1 1 180px', marginBottom: 8 }}
        >
          <ProjectSelect placeholder={t('common.project')} data-testid={`${prefix}-project`} />
        </Form.Item>
      )}
      <Button
        type="text"
        icon={<MinusCircleOutlined />}
        onClick={props.onRemove}
        aria-label={t('common.delete')}
        data-testid={`${prefix}-remove`}
      />
    </Flex>
  );
}

/** Role assignments (role + scope + department/project) as a dynamic list of rows. */
export function RoleAssignmentsField() {
  const { t } = useI18n();
  const roles = useQuery(queryOptionsFor(listRoles, {}));
  const items = roles.data?.items ?? [];
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <AssignmentRow
              key={field.key}
              name={field.name}
              roles={items}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({})}
            block
            loading={roles.isPending}
            data-testid="user-form-add-role"
          >
            {t('users.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
