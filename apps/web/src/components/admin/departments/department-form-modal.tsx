'use client';

import type { Department } from '@yunguan/contract';
import { createDepartment, listDepartments, updateDepartment } from '@yunguan/contract';
import { Form } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '@/components/common/form-dialogs';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

type Values = { name: string; description?: string };

/** Create (editing = null) or edit a department. */
export function DepartmentFormModal(props: {
  open: boolean;
  editing: Department | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { open, editing, onClose } = props;

  useEffect(() => {
    if (open) form.setFieldsValue({ name: editing?.name, description: editing?.description });
  }, [open, editing, form]);

  const mutation = useSaveMutation(form, {
    save: (values: Values) => {
      const body = { name: values.name, description: values.description ?? '' };
      return editing
        ? callContract(updateDepartment, { params: { id: editing.id }, body })
        : callContract(createDepartment, { body });
    },
    stale: [listDepartments],
    successText: editing ? t('common.saved') : t('common.created'),
    onSaved: onClose,
  });

  return (
    <FormModal
      open={open}
      title={editing ? t('departments.edit') : t('departments.create')}
      onClose={onClose}
      form={form}
      mutation={mutation}
      submitTestId="department-form-submit"
      errorTestId="department-form-error"
      formTestId="department-form"
    >
      <NameItem testId="department-form-name" />
      <DescriptionItem testId="department-form-description" />
    </FormModal>
  );
}
