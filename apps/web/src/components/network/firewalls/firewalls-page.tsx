'use client';

import type { FirewallGroupItem, FirewallPolicyItem, FirewallRuleItem } from '@yunguan/contract';
import {
  deleteFirewallGroup,
  deleteFirewallPolicy,
  deleteFirewallRule,
  listFirewallGroups,
  listFirewallPolicies,
  listFirewallRules,
} from '@yunguan/contract';
import { Segmented } from 'antd';
import { useState } from 'react';
import { CreateButton } from '@/components/common/list-toolbar';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { CapabilityNotice } from '../common/capability-notice';
import { DeleteAction } from '../common/delete-action';
import { ResourceListPage } from '../common/resource-list-page';
import { useCapability } from '../common/use-capability';
import { useProjectItems } from '../common/use-project-items';
import { FirewallGroupModal } from './firewall-group-modal';
import { FirewallPolicyModal } from './firewall-policy-modal';
import { FirewallRuleModal } from './firewall-rule-modal';

type Part = 'groups' | 'policies' | 'rules';
const fwKinds = ['firewall-group', 'firewall-policy', 'firewall-rule'] as const;
type Spec<I> = I extends { spec: infer S } ? S : never;

/** FWaaS v2: groups (bound to router ports), policies (ordered rules) and rules. Creating is
 * offered only where the datacenter has a firewall service, and says why otherwise. */
export function FirewallsPage() {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const capability = useCapability('firewall');
  const [part, setPart] = useState<Part>('groups');
  const policies = useProjectItems<Spec<FirewallPolicyItem>>(
    listFirewallPolicies,
    part === 'groups',
  );
  const policyName = (externalId: string | null) =>
    externalId
      ? (policies.items.find((p) => p.externalId === externalId)?.name ?? externalId)
      : '—';
  const [creating, setCreating] = useState<Part | null>(null);
  const canCreate = canUse && capability.offered;
  const banner = !capability.offered && (
    <CapabilityNotice capability="firewall" datacenter={capability.datacenter} />
  );
  const create = (which: Part, label: string) =>
    canCreate ? (
      <CreateButton onClick={() => setCreating(which)} data-testid={`fw-${which}-create`}>
        {label}
      </CreateButton>
    ) : undefined;
  const del = canUse;
  const title = (
    <Segmented<Part>
      value={part}
      onChange={setPart}
      data-testid="fw-part"
      options={[
        { value: 'groups', label: <span data-testid="fw-part-groups">{t('net.fw.groups')}</span> },
        {
          value: 'policies',
          label: <span data-testid="fw-part-policies">{t('net.fw.policies')}</span>,
        },
        { value: 'rules', label: <span data-testid="fw-part-rules">{t('net.fw.rules')}</span> },
      ]}
    />
  );

  return (
    <>
      {part === 'groups' && (
        <ResourceListPage<Spec<FirewallGroupItem>>
          prefix="fw-group"
          title={title}
          contract={listFirewallGroups}
          taskKinds={fwKinds}
          statuses={['ACTIVE', 'INACTIVE', 'DOWN', 'ERROR']}
          banner={banner}
          toolbar={create('groups', t('net.fw.createGroup'))}
          columns={[
            {
              title: t('net.fw.ingress'),
              key: 'ingress',
              render: (_, r) => policyName(r.spec.ingressPolicyExternalId),
            },
            {
              title: t('net.fw.egress'),
              key: 'egress',
              render: (_, r) => policyName(r.spec.egressPolicyExternalId),
            },
            {
              title: t('net.fw.ports'),
              key: 'ports',
              render: (_, r) => r.spec.portExternalIds.length,
            },
          ]}
          actions={
            del
              ? (row) => <DeleteAction contract={deleteFirewallGroup} row={row} prefix="fw-group" />
              : undefined
          }
        />
      )}
      {part === 'policies' && (
        <ResourceListPage<Spec<FirewallPolicyItem>>
          prefix="fw-policy"
          title={title}
          contract={listFirewallPolicies}
          taskKinds={fwKinds}
          banner={banner}
          toolbar={create('policies', t('net.fw.createPolicy'))}
          columns={[
            {
              title: t('net.fw.rules'),
              key: 'rules',
              render: (_, r) => r.spec.ruleExternalIds.length,
            },
            {
              title: t('net.fw.audited'),
              key: 'audited',
              render: (_, r) => (r.spec.audited ? t('common.yes') : t('common.no')),
            },
          ]}
          actions={
            del
              ? (row) => (
                  <DeleteAction contract={deleteFirewallPolicy} row={row} prefix="fw-policy" />
                )
              : undefined
          }
        />
      )}
      {part === 'rules' && (
        <ResourceListPage<Spec<FirewallRuleItem>>
          prefix="fw-rule"
          title={title}
          contract={listFirewallRules}
          taskKinds={fwKinds}
          banner={banner}
          toolbar={create('rules', t('net.fw.createRule'))}
          columns={[
            {
              title: t('net.protocol'),
              key: 'protocol',
              render: (_, r) => (r.spec.protocol ?? 'any').toUpperCase(),
            },
            {
              title: t('net.fw.action'),
              key: 'action',
              render: (_, r) => t(`net.fw.action.${r.spec.action}`),
            },
            {
              title: t('net.fw.source'),
              key: 'source',
              render: (_, r) =>
                `${r.spec.sourceIpAddress ?? '*'}${r.spec.sourcePort ? `:${r.spec.sourcePort}` : ''}`,
            },
            {
              title: t('net.fw.destination'),
              key: 'destination',
              render: (_, r) =>
                `${r.spec.destinationIpAddress ?? '*'}${r.spec.destinationPort ? `:${r.spec.destinationPort}` : ''}`,
            },
            {
              title: t('net.enabled'),
              key: 'enabled',
              render: (_, r) => (r.spec.enabled ? t('common.yes') : t('common.no')),
            },
          ]}
          actions={
            del
              ? (row) => <DeleteAction contract={deleteFirewallRule} row={row} prefix="fw-rule" />
              : undefined
          }
        />
      )}
      <FirewallGroupModal open={creating === 'groups'} onClose={() => setCreating(null)} />
      <FirewallPolicyModal open={creating === 'policies'} onClose={() => setCreating(null)} />
      <FirewallRuleModal open={creating === 'rules'} onClose={() => setCreating(null)} />
    </>
  );
}
