'use client';

import type { FloatingIpItem } from '@yunguan/contract';
import { actOnFloatingIp, deleteFloatingIp } from '@yunguan/contract';
import { Button, Popconfirm, Space } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useTaskMutation } from '../common/use-task-mutation';
import type { FipDialog } from './floating-ip-dialogs';

/** Associate (when free) or disassociate, and release; none while a task runs on it. */
export function FloatingIpActions(props: {
  fip: FloatingIpItem;
  onDialog: (dialog: FipDialog) => void;
}) {
  const { t } = useI18n();
  const { fip } = props;
  const busy = fip.activeTask !== null;
  const bound = fip.spec.portExternalId !== null;
  const disassociate = useTaskMutation<null>({
    contract: actOnFloatingIp,
    input: () => ({ params: { id: fip.id }, body: { action: 'disassociate' } }),
  });
  const release = useTaskMutation<null>({
    contract: deleteFloatingIp,
    input: () => ({ params: { id: fip.id } }),
  });
  return (
    <Space size={0}>
      {bound ? (
        <Popconfirm
          title={t('net.confirmRemove')}
          onConfirm={() => disassociate.mutate(null)}
          okButtonProps={{ 'data-testid': 'confirm-disassociate' }}
        >
          <Button
            type="link"
            size="small"
            disabled={busy}
            loading={disassociate.isPending}
            data-testid={`fip-disassociate-${fip.name}`}
          >
            {t('net.fip.disassociate')}
          </Button>
        </Popconfirm>
      ) : (
        <Button
          type="link"
          size="small"
          disabled={busy}
          onClick={() => props.onDialog({ kind: 'associate', fip })}
          data-testid={`fip-associate-${fip.name}`}
        >
          {t('net.fip.associate')}
        </Button>
      )}
      <Popconfirm
        title={t('net.fip.releaseConfirm', { address: fip.spec.floatingIpAddress })}
        onConfirm={() => release.mutate(null)}
        okButtonProps={{ danger: true, 'data-testid': 'confirm-release' }}
      >
        <Button
          type="link"
          size="small"
          danger
          disabled={busy || bound}
          loading={release.isPending}
          data-testid={`fip-release-${fip.name}`}
        >
          {t('net.fip.release')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
