'use client';

import { useQuery } from '@tanstack/react-query';
import { listServers } from '@yunguan/contract';
import { Select } from 'antd';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';

/** A picker of the project's servers in one datacenter (mirror ids). */
export function ServerSelect(props: {
  datacenterId: string;
  value?: string;
  onChange?: (id: string) => void;
  testId: string;
}) {
  const { projectId } = useCurrentProject();
  const servers = useQuery({
    ...queryOptionsFor(listServers, {
      params: { projectId: projectId ?? '' },
      query: { pageSize: 200, sort: 'name' },
    }),
    enabled: projectId !== undefined,
  });
  const items = (servers.data?.items ?? []).filter(
    (s) => s.datacenterId === props.datacenterId && s.status !== 'deleted',
  );
  return (
    <Select
      showSearch
      optionFilterProp="title"
      value={props.value}
      onChange={props.onChange}
      loading={servers.isPending}
      data-testid={props.testId}
      options={items.map((s) => ({
        value: s.id,
        title: s.name,
        label: (
          <span data-testid={`${props.testId}-${s.name}`}>
            {s.name} {s.addresses.map((a) => a.ip).join(', ')}
          </span>
        ),
      }))}
    />
  );
}
