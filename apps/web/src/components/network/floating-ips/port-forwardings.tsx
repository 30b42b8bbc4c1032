'use client';

import { PlusOutlined } from '@ant-design/icons';
import type { FloatingIpItem } from '@yunguan/contract';
import { actOnFloatingIp } from '@yunguan/contract';
import { Button, Popconfirm, Table } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { useTaskMutation } from '../common/use-task-mutation';
import type { FipDialog } from './floating-ip-dialogs';

type Forwarding = FloatingIpItem['spec']['portForwardings'][number];

/** A floating IP's port forwardings (external port → a server's internal port). */
export function PortForwardings(props: {
  fip: FloatingIpItem;
  onDialog: (dialog: FipDialog) => void;
}) {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const { fip } = props;
  const idle = canUse && fip.activeTask === null;
  const remove = useTaskMutation<string>({
    contract: actOnFloatingIp,
    input: (portForwardingId) => ({
      params: { id: fip.id },
      body: { action: 'remove-port-forwarding', portForwardingId },
    }),
  });
  return (
    <div data-testid={`fip-forwardings-${fip.name}`}>
      {idle && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginBottom: 8 }}
          onClick={() => props.onDialog({ kind: 'add-port-forwarding', fip })}
          data-testid={`fip-add-forwarding-${fip.name}`}
        >
          {t('net.fip.addForwarding')}
        </Button>
      )}
      <Table<Forwarding>
        rowKey="externalId"
        size="small"
        pagination={false}
        dataSource={fip.spec.portForwardings}
        locale={{ emptyText: t('net.fip.noForwardings') }}
        columns={[
          { title: t('net.protocol'), key: 'protocol', render: (_, f) => f.protocol.toUpperCase() },
          { title: t('net.fip.externalPort'), dataIndex: 'externalPort' },
          {
            title: t('net.fip.internalPort'),
            key: 'internal',
            render: (_, f) => `${f.internalIpAddress}:${f.internalPort}`,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, f) =>
              idle && (
                <Popconfirm
                  title={t('net.confirmRemove')}
                  onConfirm={() => remove.mutate(f.externalId)}
                  okButtonProps={{ danger: true }}
                >
                  <Button type="link" size="small" danger>
                    {t('net.remove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
