'use client';

import type { RouterItem } from '@yunguan/contract';
import { actOnRouter } from '@yunguan/contract';
import { Button, Card, Descriptions, Form, Popconfirm, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { TaskFormModal } from '../common/task-form-modal';
import { useTaskMutation } from '../common/use-task-mutation';
import { useUsableNetworks } from '../common/use-network-options';
import { ExternalNetworkSelect } from './external-network-select';

type GatewayValues = { networkId: string; enableSnat: boolean };

/** The router's external gateway: which network, SNAT, its external addresses; set or clear. */
export function RouterGateway({ router }: { router: RouterItem }) {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<GatewayValues>();
  const networks = useUsableNetworks(router.datacenterId);
  const gateway = router.spec.externalGateway;
  const idle = canUse && router.activeTask === null;
  const clear = useTaskMutation<null>({
    contract: actOnRouter,
    input: () => ({ params: { id: router.id }, body: { action: 'clear-gateway' } }),
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('net.rt.gateway')}
      data-testid="router-gateway"
      extra={
        idle && (
          <Space>
            <Button onClick={() => setOpen(true)} data-testid="router-set-gateway">
              {t('net.rt.setGateway')}
            </Button>
            {gateway && (
              <Popconfirm
                title={t('net.confirmRemove')}
                onConfirm={() => clear.mutate(null)}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-clear-gateway' }}
              >
                <Button danger loading={clear.isPending} data-testid="router-clear-gateway">
                  {t('net.rt.clearGateway')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {gateway ? (
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              label: t('net.rt.externalNetwork'),
              children: (
                <span data-testid="router-gateway-network">
                  {networks.byExternalId(gateway.networkExternalId)?.name ??
                    gateway.networkExternalId}
                </span>
              ),
            },
            {
              label: t('net.rt.snat'),
              children: gateway.enableSnat ? (
                <Tag color="green">{t('net.enabled')}</Tag>
              ) : (
                t('net.no')
              ),
            },
            {
              label: t('net.rt.externalIps'),
              children: (
                <span data-testid="router-gateway-ips">
                  {gateway.externalFixedIps.map((ip) => ip.ipAddress).join(', ') || '—'}
                </span>
              ),
            },
          ]}
        />
      ) : (
        <span data-testid="router-no-gateway">{t('net.rt.noGateway')}</span>
      )}
      <TaskFormModal<GatewayValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('net.rt.setGateway')}
        form={form}
        contract={actOnRouter}
        prefix="router-gateway"
        initialValues={{ enableSnat: true }}
        input={(v) => ({ params: { id: router.id }, body: { action: 'set-gateway', ...v } })}
      >
        <Form.Item
          name="networkId"
          label={t('net.rt.externalNetwork')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <ExternalNetworkSelect
            datacenterId={router.datacenterId}
            testId="router-gateway-network-select"
          />
        </Form.Item>
        <Form.Item name="enableSnat" label={t('net.rt.snat')} valuePropName="checked">
          <Switch data-testid="router-gateway-snat" />
        </Form.Item>
      </TaskFormModal>
    </Card>
  );
}
