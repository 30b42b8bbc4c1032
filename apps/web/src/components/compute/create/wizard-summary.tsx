'use client';

import { useQuery } from '@tanstack/react-query';
import { listFlavors, listImages, listNetworks, listUsableDatacenters } from '@yunguan/contract';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatRam } from '../catalog/catalog-format';
import type { WizardValues } from './wizard-values';

/** What will be created, in words (names looked up in the catalog already loaded). */
export function WizardSummary(props: {
  values: WizardValues;
  datacenterId: string;
  projectId: string;
}) {
  const { t } = useI18n();
  const { values: v, datacenterId, projectId } = props;
  const enabled = datacenterId !== '';
  const scoped = { params: { id: datacenterId }, query: { projectId } };
  const datacenters = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  const flavors = useQuery({
    ...queryOptionsFor(listFlavors, { params: { id: datacenterId } }),
    enabled,
  });
  const images = useQuery({ ...queryOptionsFor(listImages, scoped), enabled });
  const networks = useQuery({ ...queryOptionsFor(listNetworks, scoped), enabled });

  const flavor = flavors.data?.items.find((f) => f.externalId === v.flavorId);
  const image = images.data?.items.find((i) => i.externalId === v.imageId);
  const netNames = v.networkIds.map(
    (id) => networks.data?.items.find((n) => n.externalId === id)?.name ?? id,
  );
  const dash = (value: ReactNode) => (value === undefined || value === '' ? '—' : value);
  const rows: [string, ReactNode][] = [
    [
      t('compute.datacenter'),
      datacenters.data?.items.find((d) => d.id === datacenterId)?.name ?? datacenterId,
    ],
    [t('server.az'), dash(v.availabilityZone)],
    [t('server.name'), v.count > 1 ? t('wizard.names', { name: v.name, count: v.count }) : v.name],
    [
      t('server.flavor'),
      flavor
        ? `${flavor.name} (${t('server.flavorSpec', { vcpus: flavor.vcpus, ram: formatRam(flavor.ramMb), disk: flavor.diskGb })})`
        : v.flavorId,
    ],
    [t('server.image'), image?.name ?? v.imageId],
    [
      t('wizard.bootSource'),
      v.bootSource === 'volume'
        ? `${t('wizard.bootVolume')} · ${v.bootVolumeGb ?? '—'} GB`
        : t('wizard.bootImage'),
    ],
    [t('wizard.networks'), netNames.join(', ')],
    [t('server.securityGroups'), dash(v.securityGroups?.join(', '))],
    [t('server.keyName'), dash(v.keyName)],
    [t('wizard.serverGroup'), dash(v.serverGroupId)],
    [
      t('wizard.userData'),
      v.userData?.trim() ? t('wizard.userDataSet', { size: v.userData.length }) : '—',
    ],
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('wizard.summaryHint')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="wizard-summary"
        items={rows.map(([label, children]) => ({ key: label, label, children }))}
      />
    </>
  );
}
