'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@yunguan/contract';
import { deleteUser, listUsers, updateUser } from '@yunguan/contract';
import { App, Button, Popconfirm, Space } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useCan } from '@/lib/me-context';

type Change = { unlock: true } | { status: User['status'] };

/** Edit / unlock / disable-enable / delete for one user row. */
export function UserRowActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canUpdate = useCan('user.update');
  const canDelete = useCan('user.delete');
  const refresh = () => queryClient.invalidateQueries({ queryKey: [listUsers.id] });

  const change = useMutation({
    mutationFn: (body: Change) => callContract(updateUser, { params: { id: user.id }, body }),
    onSuccess: async (_data, body) => {
      if ('unlock' in body) void message.success(t('users.unlocked'));
      else
        void message.success(body.status === 'active' ? t('users.enabled') : t('users.disabled'));
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const remove = useMutation({
    mutationFn: () => callContract(deleteUser, { params: { id: user.id } }),
    onSuccess: async () => {
      void message.success(t('common.deleted'));
      await refresh();
    },
    onError: (error) => void message.error(error.message),
  });

  const id = user.username;
  return (
    <Space size={0} wrap>
      {canUpdate && (
        <Button type="link" size="small" onClick={onEdit} data-testid={`user-edit-${id}`}>
          {t('common.edit')}
        </Button>
      )}
      {canUpdate && user.locked && (
        <Button
          type="link"
          size="small"
          loading={change.isPending}
          onClick={() => change.mutate({ unlock: true })}
          data-testid={`user-unlock-${id}`}
        >
          {t('users.unlock')}
        </Button>
      )}
      {canUpdate &&
        (user.status === 'active' ? (
          <Popconfirm
            title={t('users.confirmDisable', { name: id })}
            onConfirm={() => change.mutate({ status: 'disabled' })}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-disable' }}
          >
            <Button type="link" size="small" data-testid={`user-disable-${id}`}>
              {t('users.disable')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            type="link"
            size="small"
            onClick={() => change.mutate({ status: 'active' })}
            data-testid={`user-enable-${id}`}
          >
            {t('users.enable')}
          </Button>
        ))}
      {canDelete && (
        <Popconfirm
          title={t('common.confirmDelete', { name: id })}
          onConfirm={() => remove.mutate()}
          okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
        >
          <Button type="link" size="small" danger data-testid={`user-delete-${id}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
