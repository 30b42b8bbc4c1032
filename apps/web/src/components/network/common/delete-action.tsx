'use client';

import type { Contract } from '@yunguan/contract';
import { Button, Popconfirm } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import type { ResourceRow } from './resource-types';
import { useTaskMutation } from './use-task-mutation';

/** A row's confirmed delete (DELETE /api/v1/<plural>/:id → a task); disabled while a task
 * runs on the object. */
export function DeleteAction(props: { contract: Contract; row: ResourceRow; prefix: string }) {
  const { t } = useI18n();
  const { row } = props;
  const remove = useTaskMutation<string>({
    contract: props.contract,
    input: (id) => ({ params: { id } }),
  });
  return (
    <Popconfirm
      title={t('common.confirmDelete', { name: row.name || row.externalId })}
      onConfirm={() => remove.mutate(row.id)}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
    >
      <Button
        type="link"
        size="small"
        danger
        disabled={row.activeTask !== null}
        loading={remove.isPending}
        data-testid={`${props.prefix}-delete-${row.name}`}
      >
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
