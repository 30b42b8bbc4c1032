'use client';

import { Button, Drawer, Form, Modal, Space } from 'antd';
import type { FormInstance, FormProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';

/** The parts of a TanStack mutation a form dialog drives. */
type SaveMutation<V> = {
  isPending: boolean;
  error: unknown;
  reset: () => void;
  mutate: (values: V) => void;
};

type FormDialogProps<V> = {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  form: FormInstance<V>;
  mutation: SaveMutation<V>;
  submitTestId: string;
  errorTestId: string;
  formTestId?: string;
  formProps?: FormProps<V>;
  children: ReactNode;
};

/** The save error (server message and issues) above a vertical form that saves on finish. */
function FormBody<V>(props: FormDialogProps<V>) {
  const { form, mutation } = props;
  return (
    <>
      <ErrorAlert error={mutation.error} testId={props.errorTestId} />
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        data-testid={props.formTestId}
        {...props.formProps}
      >
        {props.children}
      </Form>
    </>
  );
}

/** A modal form: OK submits, closing resets the form and the mutation. `done`, once
 * set, replaces the form (e.g. a one-time secret); `onOk` and `okText` override. */
export function FormModal<V>(
  props: FormDialogProps<V> & {
    okText?: ReactNode;
    onOk?: () => void;
    hideCancel?: boolean;
    done?: ReactNode;
  },
) {
  const { t } = useI18n();
  const { form, mutation } = props;
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={props.onOk ?? (() => form.submit())}
      okText={props.okText ?? t('common.save')}
      cancelButtonProps={props.hideCancel ? { style: { display: 'none' } } : undefined}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': props.submitTestId }}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      forceRender
    >
      {props.done ?? <FormBody {...props} />}
    </Modal>
  );
}

/** A drawer form with cancel/save at the top right (hidden when read-only); `notice`
 * shows above the save error. */
export function FormDrawer<V>(
  props: FormDialogProps<V> & { size: number; readOnly?: boolean; notice?: ReactNode },
) {
  const { t } = useI18n();
  const { form, mutation, onClose } = props;
  return (
    <Drawer
      open={props.open}
      size={props.size}
      title={props.title}
      onClose={onClose}
      afterOpenChange={(visible) => !visible && mutation.reset()}
      forceRender
      extra={
        !props.readOnly && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={mutation.isPending}
              onClick={() => form.submit()}
              data-testid={props.submitTestId}
            >
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {props.notice}
      <FormBody {...props} />
    </Drawer>
  );
}
