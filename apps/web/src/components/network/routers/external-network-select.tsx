'use client';

import { Select } from 'antd';
import { useUsableNetworks } from '../common/use-network-options';

/** A picker of the external networks of a datacenter (mirror ids). */
export function ExternalNetworkSelect(props: {
  datacenterId: string | undefined;
  value?: string;
  onChange?: (id: string) => void;
  testId: string;
  allowClear?: boolean;
}) {
  const networks = useUsableNetworks(props.datacenterId);
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      allowClear={props.allowClear}
      loading={networks.query.isFetching}
      data-testid={props.testId}
      options={networks.external.map((n) => ({
        value: n.id,
        label: <span data-testid={`${props.testId}-${n.name}`}>{n.name}</span>,
      }))}
    />
  );
}
