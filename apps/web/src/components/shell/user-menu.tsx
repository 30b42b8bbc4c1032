'use client';

import {
  DownOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '@yunguan/contract';
import { App, Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useMe } from '@/lib/me-context';
import { ChangePasswordModal } from './change-password-modal';
import { TotpModal } from './totp-modal';

export function UserMenu() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'password' | 'totp' | null>(null);

  const signOut = useMutation({
    mutationFn: () => callContract(logout, {}),
    onSettled: (_data, error) => {
      if (error) void message.error(error.message);
      queryClient.clear();
      router.replace('/login');
    },
  });

  const items: MenuProps['items'] = [
    {
      key: 'password',
      icon: <LockOutlined />,
      label: <span data-testid="user-menu-password">{t('shell.userMenu.password')}</span>,
    },
    {
      key: 'totp',
      icon: <SafetyOutlined />,
      label: <span data-testid="user-menu-totp">{t('shell.userMenu.totp')}</span>,
    },
    {
      key: 'tokens',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-tokens">{t('shell.userMenu.tokens')}</span>,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="user-menu-logout">{t('shell.userMenu.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password' || key === 'totp') setDialog(key);
    if (key === 'tokens') router.push('/console/account/api-tokens');
    if (key === 'logout') signOut.mutate();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {me.user.displayName || me.user.username} <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={dialog === 'password'} onClose={() => setDialog(null)} />
      <TotpModal open={dialog === 'totp'} onClose={() => setDialog(null)} />
    </>
  );
}
