'use client';

import type { SecurityGroupItem } from '@yunguan/contract';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  listProjectSecurityGroups,
} from '@yunguan/contract';
import type { CreateSecurityGroupInput } from '@yunguan/contract';
import { Form } from 'antd';
import { useState } from 'react';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { CreateButton } from '@/components/common/list-toolbar';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { cloudText } from '@/lib/labels';
import { useCan } from '@/lib/me-context';
import { DatacenterField } from '../common/datacenter-field';
import { DeleteAction } from '../common/delete-action';
import { ResourceListPage } from '../common/resource-list-page';
import { TaskFormModal } from '../common/task-form-modal';

type Spec = SecurityGroupItem['spec'];

/** The project's security groups; rules are edited on each group's page. */
export function SecurityGroupsPage() {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const { projectId } = useCurrentProject();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateSecurityGroupInput>();
  return (
    <>
      <ResourceListPage<Spec>
        prefix="sg"
        title={t('net.sg.title')}
        contract={listProjectSecurityGroups}
        taskKinds={['security-group']}
        detailHref={(row) => `/console/network/security-groups/${row.id}`}
        datacenterScoped
        toolbar={
          canUse && (
            <CreateButton onClick={() => setCreating(true)} data-testid="sg-create">
              {t('net.sg.create')}
            </CreateButton>
          )
        }
        columns={[
          {
            title: t('net.sg.ruleCount'),
            key: 'rules',
            render: (_, r) => <span data-testid={`sg-rules-${r.name}`}>{r.spec.rules.length}</span>,
          },
          {
            title: t('common.description'),
            key: 'description',
            render: (_, r) =>
              r.spec.description ? (
                <span title={r.spec.description}>{cloudText(t, r.spec.description)}</span>
              ) : (
                '—'
              ),
          },
        ]}
        actions={
          canUse
            ? (row) =>
                row.name !== 'default' && (
                  <DeleteAction contract={deleteSecurityGroup} row={row} prefix="sg" />
                )
            : undefined
        }
      />
      <TaskFormModal<CreateSecurityGroupInput>
        open={creating}
        onClose={() => setCreating(false)}
        title={t('net.sg.create')}
        form={form}
        contract={createSecurityGroup}
        prefix="sg-create"
        input={(v) => ({ params: { projectId: projectId ?? '' }, body: v })}
      >
        <DatacenterField testId="sg-create-datacenter" />
        <NameItem testId="sg-create-name" />
        <DescriptionItem testId="sg-create-description" rows={2} />
      </TaskFormModal>
    </>
  );
}
