'use client';

import type { LoadBalancerItem } from '@yunguan/contract';
import { actOnLoadBalancer } from '@yunguan/contract';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useTaskMutation } from '../common/use-task-mutation';
import type { LbPart } from './lb-part-modals';
import { LbStatusTags } from './lb-status-tags';

type Spec = LoadBalancerItem['spec'];
type Pool = Spec['pools'][number];
type Member = Pool['members'][number];

/** A confirmed "remove …" link sending one load-balancer action. */
function RemoveLink(props: {
  lb: LoadBalancerItem;
  body: Record<string, string>;
  testId: string;
  label?: string;
}) {
  const { t } = useI18n();
  const remove = useTaskMutation<Record<string, string>>({
    contract: actOnLoadBalancer,
    input: (body) => ({ params: { id: props.lb.id }, body }),
  });
  return (
    <Popconfirm
      title={t('net.confirmRemove')}
      onConfirm={() => remove.mutate(props.body)}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-remove' }}
    >
      <Button type="link" size="small" danger loading={remove.isPending} data-testid={props.testId}>
        {props.label ?? t('net.remove')}
      </Button>
    </Popconfirm>
  );
}

export function LbListeners({ lb, editable }: { lb: LoadBalancerItem; editable: boolean }) {
  const { t } = useI18n();
  return (
    <Table<Spec['listeners'][number]>
      rowKey="externalId"
      size="small"
      pagination={false}
      dataSource={lb.spec.listeners}
      data-testid="lb-listeners"
      onRow={(l) =>
        ({ 'data-testid': `lb-listener-${l.name}` }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        {
          title: t('net.protocol'),
          key: 'protocol',
          render: (_, l) => `${l.protocol}:${l.protocolPort}`,
        },
        {
          title: t('net.lb.connectionLimit'),
          key: 'limit',
          render: (_, l) => (l.connectionLimit === -1 ? t('net.lb.unlimited') : l.connectionLimit),
        },
        {
          title: t('net.lb.defaultPool'),
          key: 'pool',
          render: (_, l) =>
            lb.spec.pools.find((p) => p.externalId === l.defaultPoolExternalId)?.name ?? '—',
        },
        { title: t('common.status'), key: 'status', render: (_, l) => <LbStatusTags part={l} /> },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, l) =>
            editable && (
              <RemoveLink
                lb={lb}
                body={{ action: 'remove-listener', listenerId: l.externalId }}
                testId={`lb-remove-listener-${l.name}`}
              />
            ),
        },
      ]}
    />
  );
}

function Members(props: { lb: LoadBalancerItem; pool: Pool; editable: boolean }) {
  const { t } = useI18n();
  const { lb, pool, editable } = props;
  return (
    <Table<Member>
      rowKey="externalId"
      size="small"
      pagination={false}
      dataSource={pool.members}
      onRow={(m) =>
        ({ 'data-testid': `lb-member-${m.address}` }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        {
          title: t('net.lb.memberAddress'),
          key: 'address',
          render: (_, m) => `${m.address}:${m.protocolPort}`,
        },
        { title: t('net.lb.weight'), dataIndex: 'weight' },
        { title: t('common.status'), key: 'status', render: (_, m) => <LbStatusTags part={m} /> },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, m) =>
            editable && (
              <RemoveLink
                lb={lb}
                body={{ action: 'remove-member', poolId: pool.externalId, memberId: m.externalId }}
                testId={`lb-remove-member-${m.address}`}
              />
            ),
        },
      ]}
    />
  );
}

export function LbPools(props: {
  lb: LoadBalancerItem;
  editable: boolean;
  onAdd: (part: LbPart, poolId: string) => void;
}) {
  const { t } = useI18n();
  const { lb, editable, onAdd } = props;
  return (
    <Table<Pool>
      rowKey="externalId"
      size="small"
      pagination={false}
      dataSource={lb.spec.pools}
      data-testid="lb-pools"
      onRow={(p) => ({ 'data-testid': `lb-pool-${p.name}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowRender: (pool) => <Members lb={lb} pool={pool} editable={editable} />,
      }}
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('net.protocol'), dataIndex: 'protocol' },
        {
          title: t('net.lb.algorithm'),
          key: 'alg',
          render: (_, p) => p.lbAlgorithm,
        },
        { title: t('net.lb.members'), key: 'members', render: (_, p) => p.members.length },
        {
          title: t('net.lb.monitor'),
          key: 'monitor',
          render: (_, p) =>
            p.healthMonitor ? (
              <Typography.Text data-testid={`lb-monitor-${p.name}`}>
                {p.healthMonitor.type} · {p.healthMonitor.delaySeconds}s/
                {p.healthMonitor.timeoutSeconds}s ×{p.healthMonitor.maxRetries}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        { title: t('common.status'), key: 'status', render: (_, p) => <LbStatusTags part={p} /> },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, p) =>
            editable && (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  onClick={() => onAdd('add-member', p.externalId)}
                  data-testid={`lb-add-member-${p.name}`}
                >
                  {t('net.lb.addMember')}
                </Button>
                {p.healthMonitor ? (
                  <RemoveLink
                    lb={lb}
                    body={{ action: 'remove-health-monitor', poolId: p.externalId }}
                    label={t('net.lb.removeMonitor')}
                    testId={`lb-remove-monitor-${p.name}`}
                  />
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => onAdd('add-health-monitor', p.externalId)}
                    data-testid={`lb-add-monitor-${p.name}`}
                  >
                    {t('net.lb.addMonitor')}
                  </Button>
                )}
                <RemoveLink
                  lb={lb}
                  body={{ action: 'remove-pool', poolId: p.externalId }}
                  label={t('net.lb.removePool')}
                  testId={`lb-remove-pool-${p.name}`}
                />
              </Space>
            ),
        },
      ]}
    />
  );
}
