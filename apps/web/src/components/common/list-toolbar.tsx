'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';

/** The list header's search box. */
export function SearchBox({
  width = 240,
  ...props
}: SearchProps & { width?: number; 'data-testid': string }) {
  const { t } = useI18n();
  return (
    <Input.Search
      allowClear
      placeholder={t('common.searchPlaceholder')}
      style={{ width }}
      {...props}
    />
  );
}

/** The list header's primary "create" button. */
export function CreateButton(props: {
  onClick: () => void;
  children: ReactNode;
  'data-testid': string;
}) {
  return <Button type="primary" icon={<PlusOutlined />} {...props} />;
}
