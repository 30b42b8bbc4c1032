'use client';

import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  createImage,
  imageContainerFormats,
  imageDiskFormats,
  imageVisibilities,
  listImages,
} from '@yunguan/contract';
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Switch,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useCan } from '@/lib/me-context';
import { uploadWithProgress } from './xhr-upload';

type Values = {
  name: string;
  diskFormat: (typeof imageDiskFormats)[number];
  containerFormat: (typeof imageContainerFormats)[number];
  visibility: (typeof imageVisibilities)[number];
  protected: boolean;
  minDiskGb: number;
  minRamMb: number;
};

/** Guess the disk format from the file name (the user can change it). */
const formatOf = (name: string): Values['diskFormat'] | undefined => {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const known: Record<string, Values['diskFormat']> = { img: 'raw', qcow: 'qcow2' };
  return (imageDiskFormats as readonly string[]).includes(ext)
    ? (ext as Values['diskFormat'])
    : known[ext];
};

/**
 * Create an image and stream its file to PUT …/images/:id/file with a progress bar. The bytes
 * go browser → portal → tunnel → Glance without being stored on the way.
 */
export function UploadImageDrawer(props: {
  projectId: string;
  datacenterId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayPublish = useCan('compute.admin');
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setError(t('imageUpload.chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    setPercent(0);
    try {
      const { image } = await callContract(createImage, {
        params: { projectId: props.projectId },
        body: { datacenterId: props.datacenterId, ...values },
      });
      await uploadWithProgress(
        { projectId: props.projectId, imageId: image.externalId, datacenterId: props.datacenterId },
        file,
        setPercent,
      );
      void message.success(t('imageUpload.done', { name: values.name }));
      await queryClient.invalidateQueries({ queryKey: [listImages.id] });
      form.resetFields();
      setFiles([]);
      setPercent(null);
      props.onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={busy ? undefined : props.onClose}
      title={t('imageUpload.title')}
      width={520}
      destroyOnHidden
      data-testid="upload-image-drawer"
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          {t('imageUpload.submit')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          containerFormat: 'bare',
          visibility: 'private',
          protected: false,
          minDiskGb: 0,
          minRamMb: 0,
        }}
      >
        <Form.Item label={t('imageUpload.file')} required>
          <Upload
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              const name = fileList[0]?.name;
              if (name) {
                if (!form.getFieldValue('name'))
                  form.setFieldValue('name', name.replace(/\.[^.]+$/, ''));
                const guessed = formatOf(name);
                if (guessed) form.setFieldValue('diskFormat', guessed);
              }
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="image-file">
              {t('imageUpload.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, max: 64 }]}>
          <Input data-testid="image-name" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="diskFormat"
            label={t('image.format')}
            rules={[{ required: true }]}
            style={{ width: '50%' }}
          >
            <Select options={imageDiskFormats.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Form.Item
            name="containerFormat"
            label={t('imageUpload.container')}
            style={{ width: '50%' }}
          >
            <Select options={imageContainerFormats.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="visibility" label={t('image.visibility')}>
          <Select
            options={imageVisibilities.map((v) => ({
              value: v,
              label: t(`image.visibility.${v}`),
              disabled: v === 'public' && !mayPublish,
            }))}
          />
        </Form.Item>
        <Form.Item name="protected" label={t('image.protected')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space>
          <Form.Item name="minDiskGb" label={t('imageUpload.minDisk')}>
            <InputNumber min={0} addonAfter="GB" />
          </Form.Item>
          <Form.Item name="minRamMb" label={t('imageUpload.minRam')}>
            <InputNumber min={0} addonAfter="MB" />
          </Form.Item>
        </Space>
      </Form>
      {percent !== null && <Progress percent={percent} data-testid="image-upload-progress" />}
      {error && <Alert type="error" showIcon message={error} />}
    </Drawer>
  );
}
