'use client';

import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { actOnBaremetalNode, listBaremetalNodes, type BaremetalNode } from '@yunguan/contract';
import { App, Button, Dropdown } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

type Action =
  | 'power-on'
  | 'power-off'
  | 'reboot'
  | 'manage'
  | 'provide'
  | 'deploy'
  | 'undeploy'
  | 'clean'
  | 'inspect';

/** What Ironic allows from a provision state (the API is the real guard; Ironic says why). */
const provisionFrom: Record<string, Action[]> = {
  enroll: ['manage'],
  manageable: ['provide', 'clean', 'inspect'],
  available: ['manage', 'deploy'],
  active: ['undeploy'],
  'deploy failed': ['undeploy'],
  'clean failed': ['manage'],
};

/** The actions menu of one node. */
export function BaremetalActions(props: { datacenterId: string; node: BaremetalNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { node } = props;
  const act = useMutation({
    mutationFn: (action: Action) =>
      callContract(actOnBaremetalNode, {
        params: { id: props.datacenterId, nodeId: node.externalId },
        body: { action },
      }),
    onSuccess: async (_, action) => {
      void message.success(t('baremetal.accepted', { action: t(`baremetal.action.${action}`) }));
      await queryClient.invalidateQueries({ queryKey: [listBaremetalNodes.id] });
    },
    onError: (error) => void message.error(error.message),
  });
  const moving = node.targetPowerState !== null || node.targetProvisionState !== null;
  const power: Action[] = node.powerState === 'power on' ? ['power-off', 'reboot'] : ['power-on'];
  const actions = [...power, ...(provisionFrom[node.provisionState] ?? [])];
  return (
    <Dropdown
      disabled={moving || act.isPending}
      menu={{
        items: actions.map((a) => ({ key: a, label: t(`baremetal.action.${a}`) })),
        onClick: ({ key }) => act.mutate(key as Action),
      }}
    >
      <Button
        size="small"
        loading={act.isPending}
        data-testid={`baremetal-actions-${node.name ?? node.externalId}`}
      >
        {t('baremetal.actions')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
