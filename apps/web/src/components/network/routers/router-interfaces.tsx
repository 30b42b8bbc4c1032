'use client';

import { PlusOutlined } from '@ant-design/icons';
import type { RouterItem } from '@yunguan/contract';
import { actOnRouter } from '@yunguan/contract';
import { Button, Form, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { TaskFormModal } from '../common/task-form-modal';
import { useProjectSubnets } from '../common/use-network-options';
import { useTaskMutation } from '../common/use-task-mutation';

type Interface = RouterItem['spec']['interfaces'][number];

/** The router's interfaces (one per subnet): add one to a subnet of the project, remove one. */
export function RouterInterfaces({ router }: { router: RouterItem }) {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ subnetId: string }>();
  const subnets = useProjectSubnets();
  const idle = canUse && router.activeTask === null;
  const attached = new Set(router.spec.interfaces.map((i) => i.subnetExternalId));
  const choices = subnets.items.filter(
    (s) => s.datacenterId === router.datacenterId && !attached.has(s.externalId),
  );
  const remove = useTaskMutation<string>({
    contract: actOnRouter,
    input: (subnetId) => ({
      params: { id: router.id },
      body: { action: 'remove-interface', subnetId },
    }),
  });
  return (
    <>
      {idle && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setOpen(true)}
          data-testid="router-add-interface"
        >
          {t('net.rt.addInterface')}
        </Button>
      )}
      <Table<Interface>
        rowKey="portExternalId"
        size="small"
        pagination={false}
        dataSource={router.spec.interfaces}
        data-testid="router-interfaces"
        onRow={(i) =>
          ({
            'data-testid': `router-interface-${subnets.byExternalId(i.subnetExternalId)?.name ?? i.subnetExternalId}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('net.rt.subnet'),
            key: 'subnet',
            render: (_, i) => {
              const subnet = subnets.byExternalId(i.subnetExternalId);
              return subnet ? `${subnet.name} (${subnet.spec.cidr})` : i.subnetExternalId;
            },
          },
          { title: t('net.rt.ip'), dataIndex: 'ipAddress' },
          { title: t('net.externalId'), dataIndex: 'portExternalId' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, i) => {
              const subnet = subnets.byExternalId(i.subnetExternalId);
              return (
                idle &&
                subnet && (
                  <Popconfirm
                    title={t('net.confirmRemove')}
                    onConfirm={() => remove.mutate(subnet.id)}
                    okButtonProps={{ danger: true, 'data-testid': 'confirm-remove' }}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      data-testid={`router-remove-interface-${subnet.name}`}
                    >
                      {t('net.remove')}
                    </Button>
                  </Popconfirm>
                )
              );
            },
          },
        ]}
      />
      <TaskFormModal<{ subnetId: string }>
        open={open}
        onClose={() => setOpen(false)}
        title={t('net.rt.addInterface')}
        form={form}
        contract={actOnRouter}
        prefix="router-interface"
        input={(v) => ({ params: { id: router.id }, body: { action: 'add-interface', ...v } })}
      >
        <Form.Item
          name="subnetId"
          label={t('net.rt.subnet')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="router-interface-subnet"
            options={choices.map((s) => ({
              value: s.id,
              label: (
                <span data-testid={`router-interface-subnet-${s.name}`}>
                  {s.name} ({s.spec.cidr})
                </span>
              ),
            }))}
          />
        </Form.Item>
      </TaskFormModal>
    </>
  );
}
