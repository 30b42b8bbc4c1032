'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getSecurityGroup } from '@yunguan/contract';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCan } from '@/lib/me-context';
import { DetailHeader } from '../common/detail-header';
import { DetailState } from '../common/detail-state';
import { ResourceTasks } from '../common/resource-tasks';
import { useNetworkLive } from '../common/use-network-live';
import { AddRuleModal } from './add-rule-modal';
import { SecurityGroupRules } from './security-group-rules';

const back = '/console/network/security-groups';

/** One security group: its rules (add with presets, remove) and its tasks. */
export function SecurityGroupDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const connected = useNetworkLive();
  const canUse = useCan('resource.use');
  const [adding, setAdding] = useState(false);
  const query = useQuery(queryOptionsFor(getSecurityGroup, { params: { id } }));
  const group = query.data;
  if (!group) return <DetailState pending={query.isPending} error={query.error} back={back} />;
  return (
    <>
      <DetailHeader
        row={group}
        back={back}
        prefix="sg"
        connected={connected}
        extra={
          canUse && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={group.activeTask !== null}
              onClick={() => setAdding(true)}
              data-testid="sg-add-rule"
            >
              {t('net.sg.addRule')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'rules',
              label: <span data-testid="sg-tab-rules">{t('net.sg.rules')}</span>,
              children: <SecurityGroupRules group={group} />,
            },
            {
              key: 'tasks',
              label: <span data-testid="sg-tab-tasks">{t('net.tasks')}</span>,
              children: <ResourceTasks resourceId={group.id} testId="sg-task-timeline" />,
            },
          ]}
        />
      </Card>
      <AddRuleModal group={group} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
