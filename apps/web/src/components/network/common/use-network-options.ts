'use client';

import { useQuery } from '@tanstack/react-query';
import type { NetworkItem, SubnetItem } from '@yunguan/contract';
import { listProjectNetworks, listSubnets } from '@yunguan/contract';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';

/** The networks the project may use in a datacenter (its own, shared and external), read live. */
export const useUsableNetworks = (datacenterId: string | undefined) => {
  const { projectId } = useCurrentProject();
  const query = useQuery({
    ...queryOptionsFor(listProjectNetworks, {
      params: { projectId: projectId ?? '' },
      query: { datacenterId, pageSize: 500, sort: 'name' },
    }),
    enabled: projectId !== undefined && datacenterId !== undefined,
  });
  const items: NetworkItem[] = query.data?.items ?? [];
  return {
    query,
    items,
    external: items.filter((n) => n.spec.external),
    byExternalId: (externalId: string | null | undefined) =>
      items.find((n) => n.externalId === externalId),
  };
};

/** The project's subnets (all datacenters), with lookups by cloud id. */
export const useProjectSubnets = () => {
  const { projectId } = useCurrentProject();
  const query = useQuery({
    ...queryOptionsFor(listSubnets, {
      params: { projectId: projectId ?? '' },
      query: { pageSize: 500, sort: 'name' },
    }),
    enabled: projectId !== undefined,
  });
  const items: SubnetItem[] = query.data?.items ?? [];
  return {
    query,
    items,
    byExternalId: (externalId: string | null | undefined) =>
      items.find((s) => s.externalId === externalId),
  };
};
