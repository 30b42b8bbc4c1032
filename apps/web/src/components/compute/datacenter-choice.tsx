'use client';

import { useQuery } from '@tanstack/react-query';
import { listUsableDatacenters } from '@yunguan/contract';
import { Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';

const KEY = 'yg_datacenter';

/** The datacenter a catalog page shows (remembered in the browser; the first one by default). */
export const useDatacenterChoice = () => {
  const query = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  useEffect(() => {
    try {
      setChosen(window.localStorage.getItem(KEY) ?? undefined);
    } catch {
      // No storage: the first datacenter it is.
    }
  }, []);
  const choose = useCallback((id: string) => {
    setChosen(id);
    try {
      window.localStorage.setItem(KEY, id);
    } catch {
      // Without storage the choice lasts for this page only.
    }
  }, []);
  const items = query.data?.items ?? [];
  const datacenterId = items.some((d) => d.id === chosen) ? chosen : items[0]?.id;
  return { datacenterId, choose, datacenters: items, query };
};

/** The header's datacenter switcher for catalog pages. */
export function DatacenterSelect(props: { choice: ReturnType<typeof useDatacenterChoice> }) {
  const { t } = useI18n();
  const { choice } = props;
  return (
    <Select
      style={{ minWidth: 200 }}
      value={choice.datacenterId}
      onChange={choice.choose}
      loading={choice.query.isPending}
      placeholder={t('compute.datacenter')}
      aria-label={t('compute.datacenter')}
      options={choice.datacenters.map((d) => ({ value: d.id, label: d.name }))}
      data-testid="datacenter-select"
    />
  );
}
