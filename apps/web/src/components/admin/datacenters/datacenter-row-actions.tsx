'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Datacenter, Enrollment } from '@yunguan/contract';
import {
  createEnrollmentToken,
  deleteDatacenter,
  listDatacenters,
  revokeAgent,
} from '@yunguan/contract';
import { App, Button, Popconfirm, Space } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

/** Test connection / edit / new enrollment token / revoke agent / delete for one row
 * (shown to holders of datacenter.manage). */
export function DatacenterRowActions(props: {
  datacenter: Datacenter;
  onEdit: () => void;
  onTest: () => void;
  onEnrollment: (enrollment: Enrollment) => void;
}) {
  const { datacenter, onEdit, onTest, onEnrollment } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [listDatacenters.id] });
  const params = { id: datacenter.id };

  const issueToken = useMutation({
    mutationFn: () => callContract(createEnrollmentToken, { params }),
    onSuccess: async (enrollment) => {
      onEnrollment(enrollment);
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const revoke = useMutation({
    mutationFn: () => callContract(revokeAgent, { params }),
    onSuccess: async () => {
      void message.success(t('datacenters.revoked'));
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const remove = useMutation({
    mutationFn: () => callContract(deleteDatacenter, { params }),
    onSuccess: async () => {
      void message.success(t('common.deleted'));
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });

  const name = datacenter.name;
  // The API refuses (PRECONDITION_FAILED) when no agent key is active.
  const revocable = datacenter.agent !== null && datacenter.agent.revokedAt === null;
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onTest} data-testid={`datacenter-test-${name}`}>
        {t('datacenters.test')}
      </Button>
      <Button type="link" size="small" onClick={onEdit} data-testid={`datacenter-edit-${name}`}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('datacenters.newToken')}
        description={
          <div style={{ maxWidth: 360 }}>{t('datacenters.confirmNewToken', { name })}</div>
        }
        onConfirm={() => issueToken.mutate()}
        okButtonProps={{ 'data-testid': 'confirm-token' }}
      >
        <Button
          type="link"
          size="small"
          loading={issueToken.isPending}
          data-testid={`datacenter-token-${name}`}
        >
          {t('datacenters.newToken')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('datacenters.revoke')}
        description={
          <div style={{ maxWidth: 360 }}>{t('datacenters.confirmRevoke', { name })}</div>
        }
        onConfirm={() => revoke.mutate()}
        disabled={!revocable}
        okButtonProps={{ danger: true, 'data-testid': 'confirm-revoke' }}
      >
        <Button
          type="link"
          size="small"
          danger
          disabled={!revocable}
          loading={revoke.isPending}
          data-testid={`datacenter-revoke-${name}`}
        >
          {t('datacenters.revoke')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('common.confirmDelete', { name })}
        onConfirm={() => remove.mutate()}
        okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
      >
        <Button type="link" size="small" danger data-testid={`datacenter-delete-${name}`}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
