'use client';

import type { Volume } from '@yunguan/contract';
import { Descriptions, Table, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { VolumeStatus } from '../volumes/volume-columns';

const dash = (value: ReactNode) =>
  value === null || value === undefined || value === '' ? '—' : value;

/** Every field of the volume the mirror knows. */
export function VolumeOverview({ volume }: { volume: Volume }) {
  const { t, lang } = useI18n();
  const { datacenters } = useDatacenterChoice();
  const { spec } = volume;
  const source = spec.sourceSnapshotExternalId
    ? `${t('volume.source.snapshot')} ${spec.sourceSnapshotExternalId}`
    : spec.sourceImageExternalId
      ? `${t('volume.source.image')} ${spec.sourceImageExternalId}`
      : t('volume.source.empty');
  const items: DescriptionsProps['items'] = (
    [
      [t('storage.name'), volume.name, 'volume-overview-name'],
      [t('storage.status'), <VolumeStatus volume={volume} testId="volume-detail-status" />],
      [t('storage.size'), t('storage.sizeGb', { size: spec.sizeGb }), 'volume-overview-size'],
      [t('volume.type'), dash(spec.volumeType)],
      ['ID', <Typography.Text copyable>{volume.id}</Typography.Text>],
      [t('storage.externalId'), <Typography.Text copyable>{volume.externalId}</Typography.Text>],
      [
        t('storage.datacenter'),
        datacenters.find((d) => d.id === volume.datacenterId)?.name ?? volume.datacenterId,
      ],
      [t('storage.az'), dash(spec.availabilityZone)],
      [t('volume.source'), source],
      [t('volume.bootable'), spec.bootable ? t('common.yes') : t('common.no')],
      [t('volume.encrypted'), spec.encrypted ? t('common.yes') : t('common.no')],
      [t('storage.description'), dash(spec.description)],
      [t('storage.createdAt'), formatDateTime(spec.createdAt ?? volume.firstSeenAt, lang)],
      [t('storage.observedAt'), formatDateTime(volume.observedAt, lang)],
    ] as [string, ReactNode, string?][]
  ).map(([label, children, testId]) => ({
    key: label,
    label,
    children: testId ? <span data-testid={testId}>{children}</span> : children,
  }));
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="volume-overview"
      items={items}
    />
  );
}

/** The servers the volume is attached to, with the device each sees it as. */
export function VolumeAttachments({ volume }: { volume: Volume }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="serverExternalId"
      size="small"
      pagination={false}
      dataSource={volume.spec.attachments}
      locale={{ emptyText: t('volume.noAttachments') }}
      data-testid="volume-attachments"
      columns={[
        {
          title: t('volume.server'),
          key: 'server',
          render: (_, a) =>
            a.serverId ? (
              <Link href={`/console/compute/servers/${a.serverId}`}>
                {a.serverName ?? a.serverExternalId}
              </Link>
            ) : (
              <>
                {a.serverName ?? a.serverExternalId}{' '}
                <Typography.Text type="secondary">{t('volume.serverGone')}</Typography.Text>
              </>
            ),
        },
        { title: t('volume.device'), dataIndex: 'device', render: (d: string | null) => d ?? '—' },
        {
          title: t('storage.externalId'),
          dataIndex: 'serverExternalId',
          render: (id: string) => <Typography.Text copyable>{id}</Typography.Text>,
        },
      ]}
    />
  );
}
