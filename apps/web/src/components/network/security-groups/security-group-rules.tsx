'use client';

import type { SecurityGroupItem, SecurityGroupRule } from '@yunguan/contract';
import { actOnSecurityGroup } from '@yunguan/contract';
import { Button, Popconfirm, Table, Tag } from 'antd';
import type { Translate } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { useTaskMutation } from '../common/use-task-mutation';

/** "22", "8000-8080", "any", or ICMP "type 8 / code 0". */
export const portRangeText = (t: Translate, r: SecurityGroupRule): string => {
  if (r.portRangeMin === null && r.portRangeMax === null) return t('net.sg.any');
  if (r.protocol === 'icmp') return `type ${r.portRangeMin ?? '*'} / code ${r.portRangeMax ?? '*'}`;
  return r.portRangeMin === r.portRangeMax
    ? String(r.portRangeMin)
    : `${r.portRangeMin ?? 1}-${r.portRangeMax ?? 65535}`;
};

/** Test id of a rule row: direction-protocol-ports, e.g. `sg-rule-ingress-tcp-22`. */
const ruleKey = (r: SecurityGroupRule) =>
  `sg-rule-${r.direction}-${r.protocol ?? 'any'}-${r.portRangeMin ?? 'any'}`;

export function SecurityGroupRules({ group }: { group: SecurityGroupItem }) {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const idle = canUse && group.activeTask === null;
  const remove = useTaskMutation<string>({
    contract: actOnSecurityGroup,
    input: (ruleId) => ({ params: { id: group.id }, body: { action: 'remove-rule', ruleId } }),
  });
  return (
    <Table<SecurityGroupRule>
      rowKey="externalId"
      size="small"
      pagination={false}
      dataSource={group.spec.rules}
      data-testid="sg-rules"
      onRow={(r) => ({ 'data-testid': ruleKey(r) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('net.sg.direction'),
          key: 'direction',
          render: (_, r) => (
            <Tag color={r.direction === 'ingress' ? 'blue' : 'default'}>
              {t(r.direction === 'ingress' ? 'net.sg.ingress' : 'net.sg.egress')}
            </Tag>
          ),
        },
        { title: t('net.sg.ethertype'), dataIndex: 'ethertype' },
        {
          title: t('net.protocol'),
          key: 'protocol',
          render: (_, r) => (r.protocol ?? t('net.sg.any')).toUpperCase(),
        },
        { title: t('net.sg.portRange'), key: 'ports', render: (_, r) => portRangeText(t, r) },
        {
          title: t('net.sg.remote'),
          key: 'remote',
          render: (_, r) =>
            r.remoteIpPrefix ??
            (r.remoteGroupExternalId === group.externalId ? group.name : r.remoteGroupExternalId) ??
            t('net.sg.any'),
        },
        {
          title: t('common.description'),
          key: 'description',
          render: (_, r) => r.description || '—',
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) =>
            idle && (
              <Popconfirm
                title={t('net.confirmRemove')}
                onConfirm={() => remove.mutate(r.externalId)}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-remove' }}
              >
                <Button type="link" size="small" danger data-testid={`${ruleKey(r)}-remove`}>
                  {t('net.remove')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
