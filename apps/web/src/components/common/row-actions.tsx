'use client';

import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';

/** A row's edit link and confirmed delete link; either is left out when its handler is. */
export function EditDeleteActions(props: {
  name: string;
  onEdit?: () => void;
  onDelete?: () => void;
  editLabel?: ReactNode;
  editTestId: string;
  deleteTestId: string;
}) {
  const { t } = useI18n();
  const { name, onEdit, onDelete } = props;
  return (
    <Space size="small">
      {onEdit && (
        <Button type="link" size="small" onClick={onEdit} data-testid={props.editTestId}>
          {props.editLabel ?? t('common.edit')}
        </Button>
      )}
      {onDelete && (
        <Popconfirm
          title={t('common.confirmDelete', { name })}
          onConfirm={onDelete}
          okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
        >
          <Button type="link" size="small" danger data-testid={props.deleteTestId}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
