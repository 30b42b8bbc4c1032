'use client';

import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createAppCredential,
  deleteAppCredential,
  listAppCredentials,
  type CreatedAppCredential,
} from '@yunguan/contract';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { applyServerIssues } from '@/lib/form-rules';
import { downloadText } from './download-text';

/** The date picker's value (a Day.js object); only its ISO form is sent. */
type Values = { name: string; expiresAt?: { toISOString: () => string } };

/** The files of a just-created credential: shown once, downloadable, never fetched again. */
function CreatedFiles(props: { created: CreatedAppCredential }) {
  const { t } = useI18n();
  const { created } = props;
  const file = (key: string, name: string, text: string) => ({
    key,
    label: name,
    children: (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadText(name, text)}
          data-testid={`download-${key}`}
        >
          {t('appCredentials.download', { file: name })}
        </Button>
        <Typography.Paragraph copyable={{ text }}>
          <pre style={{ maxHeight: 240, overflow: 'auto' }}>{text}</pre>
        </Typography.Paragraph>
      </Space>
    ),
  });
  return (
    <>
      <Alert type="warning" showIcon message={t('appCredentials.shownOnce')} />
      {!created.authUrlConfigured && (
        <Alert
          type="info"
          showIcon
          message={t('appCredentials.authUrlPlaceholder')}
          style={{ marginTop: 8 }}
        />
      )}
      <Tabs
        items={[
          file('clouds-yaml', 'clouds.yaml', created.clouds_yaml),
          file('openrc', `${created.name}-openrc.sh`, created.openrc),
        ]}
      />
    </>
  );
}

/**
 * "CLI access": create an application credential for your own cloud user in this project and
 * download clouds.yaml / openrc; list and revoke earlier ones.
 */
export function AppCredentialsDialog(props: {
  projectId: string;
  datacenterId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<CreatedAppCredential | null>(null);
  const input = {
    params: { projectId: props.projectId },
    query: { datacenterId: props.datacenterId },
  };
  const list = useQuery({ ...queryOptionsFor(listAppCredentials, input), enabled: props.open });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [listAppCredentials.id] });
  const create = useMutation({
    mutationFn: (values: Values) =>
      callContract(createAppCredential, {
        params: { projectId: props.projectId },
        body: {
          datacenterId: props.datacenterId,
          name: values.name,
          ...(values.expiresAt ? { expiresAt: values.expiresAt.toISOString() } : {}),
        },
      }),
    onSuccess: async (result) => {
      setCreated(result);
      form.resetFields();
      await refresh();
    },
    onError: (error) => applyServerIssues(form, error),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      callContract(deleteAppCredential, {
        params: { projectId: props.projectId, credentialId: id },
        query: { datacenterId: props.datacenterId },
      }),
    onSuccess: async () => {
      void message.success(t('appCredentials.revoked'));
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const close = () => {
    setCreated(null);
    props.onClose();
  };
  return (
    <Modal
      open={props.open}
      onCancel={close}
      footer={null}
      width={720}
      title={t('appCredentials.title')}
      destroyOnHidden
      data-testid="app-credentials-dialog"
    >
      <Typography.Paragraph type="secondary">{t('appCredentials.intro')}</Typography.Paragraph>
      {created ? (
        <CreatedFiles created={created} />
      ) : (
        <Form<Values> form={form} layout="inline" onFinish={(v) => create.mutate(v)}>
          <Form.Item
            name="name"
            label={t('common.name')}
            rules={[
              {
                required: true,
                pattern: /^[A-Za-z0-9._-]{1,64}$/,
                message: t('appCredentials.nameRule'),
              },
            ]}
          >
            <Input placeholder="my-cli" data-testid="app-credential-name" />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('appCredentials.expiresAt')}>
            <DatePicker showTime />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('appCredentials.create')}
          </Button>
        </Form>
      )}
      <List
        style={{ marginTop: 16 }}
        header={t('appCredentials.existing')}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? list.error.message : t('appCredentials.none') }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button
                key="delete"
                size="small"
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending && remove.variables === c.id}
                onClick={() => remove.mutate(c.id)}
              >
                {t('appCredentials.revoke')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={c.name}
              description={c.expiresAt ?? t('appCredentials.noExpiry')}
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
