'use client';

import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { createKeyPair, createKeyPairInput, keyPairName, listKeyPairs } from '@yunguan/contract';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';

type Values = { name: string; publicKey?: string };
type Created = ResponseOf<typeof createKeyPair>;

const publicKeySchema = createKeyPairInput.shape.publicKey.unwrap();

/** Save text as a file in the browser (the private key never leaves this page otherwise). */
const download = (name: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
};

/** Create a key pair in a project: import a public key, or let the cloud generate one and show
 * the private key exactly once (with a download button). */
export function CreateKeyPairModal(props: {
  open: boolean;
  datacenterId: string;
  projectId: string;
  onClose: () => void;
  onCreated?: (name: string) => void;
}) {
  const { open, datacenterId, projectId, onClose, onCreated } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      callContract(createKeyPair, {
        params: { id: datacenterId },
        body: { projectId, name: v.name, publicKey: v.publicKey?.trim() || undefined },
      }),
    onSuccess: async (pair) => {
      await queryClient.invalidateQueries({ queryKey: [listKeyPairs.id] });
      onCreated?.(pair.name);
      if (pair.privateKey) setCreated(pair);
      else onClose();
    },
    onError: (error) => applyServerIssues(form, error),
  });

  return (
    <Modal
      open={open}
      title={created ? t('keyPair.createdTitle', { name: created.name }) : t('keyPair.create')}
      onCancel={onClose}
      maskClosable={!created}
      onOk={created ? onClose : () => form.submit()}
      okText={created ? t('common.close') : t('common.create')}
      cancelButtonProps={created ? { style: { display: 'none' } } : undefined}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'key-pair-form-submit' }}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
        setCreated(null);
      }}
      destroyOnHidden
      width={640}
    >
      {created?.privateKey ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('keyPair.privateKeyOnce')}
            style={{ marginBottom: 16 }}
          />
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            onClick={() => download(`${created.name}.pem`, created.privateKey ?? '')}
            data-testid="key-pair-download"
            style={{ marginBottom: 12 }}
          >
            {t('keyPair.download')}
          </Button>
          <Typography.Paragraph copyable={{ text: created.privateKey }}>
            <pre
              style={{ maxHeight: 240, overflow: 'auto', fontSize: 12 }}
              data-testid="key-pair-private-key"
            >
              {created.privateKey}
            </pre>
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <ErrorAlert error={mutation.error} testId="key-pair-form-error" />
          <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
            <Form.Item
              name="name"
              label={t('common.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                zodRule(keyPairName, t('keyPair.nameRule')),
              ]}
            >
              <Input maxLength={64} data-testid="key-pair-form-name" />
            </Form.Item>
            <Form.Item
              name="publicKey"
              label={t('keyPair.publicKey')}
              extra={t('keyPair.publicKeyHelp')}
              rules={[zodRule(publicKeySchema, t('keyPair.publicKeyRule'))]}
            >
              <Input.TextArea rows={4} data-testid="key-pair-form-public-key" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
