'use client';

import { useQuery } from '@tanstack/react-query';
import type { Contract } from '@yunguan/contract';
import { callContract } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import type { ResourcePage, ResourceRow } from './resource-types';

/** Every object of one kind in the current project (for pickers), by name. */
export const useProjectItems = <S>(contract: Contract, enabled = true) => {
  const { projectId } = useCurrentProject();
  const input = {
    params: { projectId: projectId ?? '' },
    query: { page: 1, pageSize: 500, sort: 'name' },
  };
  const query = useQuery({
    queryKey: [contract.id, input] as const,
    queryFn: ({ signal }) =>
      callContract(contract, input as never, { signal }) as Promise<ResourcePage<S>>,
    enabled: enabled && projectId !== undefined,
  });
  const items: ResourceRow<S>[] = query.data?.items ?? [];
  return { items, query };
};
