'use client';

import { CodeOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { AppCredentialsDialog } from '@/components/app-credentials/app-credentials-dialog';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { UploadImageDrawer } from './upload-image-drawer';

/** The images page's buttons: upload an image, and CLI access (application credentials). */
export function ImagePageActions(props: { projectId: string; datacenterId: string }) {
  const { t } = useI18n();
  const mayUse = useCan('resource.use');
  const [open, setOpen] = useState<'upload' | 'cli' | null>(null);
  if (!mayUse || props.datacenterId === '') return null;
  return (
    <>
      <Button
        icon={<CodeOutlined />}
        onClick={() => setOpen('cli')}
        data-testid="open-app-credentials"
      >
        {t('appCredentials.open')}
      </Button>
      <Button
        type="primary"
        icon={<UploadOutlined />}
        onClick={() => setOpen('upload')}
        data-testid="open-upload-image"
      >
        {t('imageUpload.open')}
      </Button>
      <UploadImageDrawer {...props} open={open === 'upload'} onClose={() => setOpen(null)} />
      <AppCredentialsDialog {...props} open={open === 'cli'} onClose={() => setOpen(null)} />
    </>
  );
}
