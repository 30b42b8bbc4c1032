'use client';

import { useQuery } from '@tanstack/react-query';
import type { Volume } from '@yunguan/contract';
import { listServers } from '@yunguan/contract';
import { Empty, Select, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { serverStatusLabel } from '@/components/compute/server-status-tag';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';

type PickerProps = { value?: string; onChange?: (value: string) => void };

/** Server states Nova attaches a volume in. */
const attachable = new Set(['active', 'stopped', 'paused', 'suspended', 'shelved']);

/** Servers of the volume's own project and datacenter (the API refuses any other), the ones it
 * is attached to already left out. */
export function ProjectServerSelect(props: PickerProps & { volume: Volume }) {
  const { t } = useI18n();
  const { volume, value, onChange } = props;
  const query = useQuery({
    ...queryOptionsFor(listServers, {
      params: { projectId: volume.projectId ?? '' },
      query: { datacenterId: volume.datacenterId, pageSize: 500, sort: 'name' },
    }),
    enabled: volume.projectId !== null,
  });
  const attached = new Set(volume.spec.attachments.map((a) => a.serverId));
  const servers = (query.data?.items ?? []).filter((s) => !attached.has(s.id));
  return (
    <>
      <ErrorAlert error={query.error} />
      <Select
        value={value}
        onChange={onChange}
        loading={query.isPending}
        showSearch={{ optionFilterProp: 'title' }}
        notFoundContent={<Empty description={t('volume.attachNoServers')} />}
        data-testid="volume-attach-server"
        options={servers.map((s) => ({
          value: s.id,
          title: s.name,
          disabled: !attachable.has(s.status),
          label: (
            <span data-testid={`server-option-${s.name}`}>
              {s.name}{' '}
              <Typography.Text type="secondary">
                {[serverStatusLabel(t, s.status), s.availabilityZone].filter(Boolean).join(' · ')}
              </Typography.Text>
            </span>
          ),
        }))}
      />
    </>
  );
}

/** The servers a volume is attached to (those the portal knows). */
export function AttachedServerSelect(props: PickerProps & { volume: Volume }) {
  const { volume, value, onChange } = props;
  return (
    <Select
      value={value}
      onChange={onChange}
      data-testid="volume-detach-server"
      options={volume.spec.attachments
        .filter((a) => a.serverId !== null)
        .map((a) => ({
          value: a.serverId ?? '',
          label: (
            <span data-testid={`server-option-${a.serverName ?? a.serverExternalId}`}>
              {a.serverName ?? a.serverExternalId}
              {a.device && <Typography.Text type="secondary"> {a.device}</Typography.Text>}
            </span>
          ),
        }))}
    />
  );
}
