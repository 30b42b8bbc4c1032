'use client';

import type { Project } from '@yunguan/contract';
import { createProject, getMe, listProjects, updateProject } from '@yunguan/contract';
import { Form } from 'antd';
import { useEffect } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { FormModal } from '@/components/common/form-dialogs';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

type Values = { name: string; description?: string; departmentId: string };

/** Create (editing = null) or edit a project; the department is chosen at creation only. */
export function ProjectFormModal(props: {
  open: boolean;
  editing: Project | null;
  defaultDepartmentId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
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

  const mutation = useSaveMutation(form, {
    save: (values: Values) => {
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
    // The creator may now see the project in the switcher.
    stale: [listProjects, getMe],
    successText: editing ? t('common.saved') : t('common.created'),
    onSaved: onClose,
  });

  return (
    <FormModal
      open={open}
      title={editing ? t('projects.edit') : t('projects.create')}
      onClose={onClose}
      form={form}
      mutation={mutation}
      submitTestId="project-form-submit"
      errorTestId="project-form-error"
      formTestId="project-form"
    >
      <Form.Item
        name="departmentId"
        label={t('common.department')}
        rules={[{ required: !editing, message: t('common.required') }]}
      >
        <DepartmentSelect disabled={!!editing} data-testid="project-form-department" />
      </Form.Item>
      <NameItem testId="project-form-name" />
      <DescriptionItem testId="project-form-description" />
    </FormModal>
  );
}
