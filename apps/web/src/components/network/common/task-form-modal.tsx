'use client';

import type { Contract } from '@yunguan/contract';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { FormModal } from '@/components/common/form-dialogs';
import { dropEmpty } from './drop-empty';
import type { TaskAcceptedBody } from './resource-types';
import { useTaskMutation } from './use-task-mutation';

/** A modal form whose OK sends one create or action (202 {task}); the server's refusal shows
 * above the form in its own words. */
export function TaskFormModal<V>(props: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  form: FormInstance<V>;
  contract: Contract;
  input: (values: V) => { params?: Record<string, string>; body?: unknown };
  prefix: string;
  initialValues?: Partial<V>;
  onDone?: (body: TaskAcceptedBody) => void;
  children: ReactNode;
}) {
  const mutation = useTaskMutation<V>({
    contract: props.contract,
    input: (values) => props.input(dropEmpty(values)),
    form: props.form as FormInstance,
    onDone: (body) => {
      props.onClose();
      props.onDone?.(body);
    },
  });
  const { open, form, initialValues } = props;
  // Defaults apply each time the dialog opens (the form outlives it).
  useEffect(() => {
    if (open && initialValues) form.setFieldsValue(initialValues);
  }, [open]);
  return (
    <FormModal<V>
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      form={props.form}
      mutation={mutation}
      submitTestId={`${props.prefix}-submit`}
      errorTestId={`${props.prefix}-error`}
      formTestId={`${props.prefix}-form`}
    >
      {props.children}
    </FormModal>
  );
}
