'use client';

import type { Query, QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { PortalEvent, Task } from '@yunguan/contract';
import {
  finishedTaskStatuses,
  lbfwContracts,
  networkContracts,
  networkKinds,
} from '@yunguan/contract';
import { useCallback } from 'react';
import { usePortalEvents, useLiveEvents } from '@/lib/use-events';
import type { ResourcePage, ResourceRow } from './resource-types';

const kinds: ReadonlySet<string> = new Set(networkKinds);
/** Contracts of this module: every cached read of theirs is re-read after a change. */
const ownContractIds = (): ReadonlySet<string> =>
  new Set([...networkContracts, ...lbfwContracts].map((c) => c.id));

const SETTLE_MS = 300;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Re-read this module's queries once the burst of events settles. */
const refetchSoon = (queryClient: QueryClient): void => {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    const ids = ownContractIds();
    void queryClient.invalidateQueries({
      predicate: (q: Query) => typeof q.queryKey[0] === 'string' && ids.has(q.queryKey[0]),
    });
  }, SETTLE_MS);
};

const isRow = (value: unknown): value is ResourceRow =>
  typeof value === 'object' && value !== null && 'kind' in value && 'activeTask' in value;
const isPage = (value: unknown): value is ResourcePage =>
  typeof value === 'object' && value !== null && Array.isArray((value as ResourcePage).items);

const withTask = (row: ResourceRow, task: Task): ResourceRow => {
  if (row.id !== task.resourceId) return row;
  const done = finishedTaskStatuses.includes(task.status);
  const activeTask = done
    ? row.activeTask?.id === task.id
      ? null
      : row.activeTask
    : { id: task.id, action: task.action, status: task.status };
  return { ...row, activeTask };
};

/** Patch cached lists and details in place: the row shows its task (or loses it) at once. */
const patchRows = (queryClient: QueryClient, patch: (row: ResourceRow) => ResourceRow): void => {
  const ids = ownContractIds();
  for (const query of queryClient.getQueryCache().findAll({
    predicate: (q) => typeof q.queryKey[0] === 'string' && ids.has(q.queryKey[0]),
  })) {
    const data: unknown = query.state.data;
    if (isPage(data) && data.items.every(isRow)) {
      queryClient.setQueryData(query.queryKey, { ...data, items: data.items.map(patch) });
    } else if (isRow(data)) {
      queryClient.setQueryData(query.queryKey, patch(data));
    }
  }
};

const applyEvent = (queryClient: QueryClient, event: PortalEvent): void => {
  if (event.type === 'task.updated') {
    if (!kinds.has(event.task.targetType)) return;
    patchRows(queryClient, (row) => withTask(row, event.task));
    refetchSoon(queryClient);
    return;
  }
  if (!kinds.has(event.resourceType)) return;
  patchRows(queryClient, (row) =>
    row.id === event.resourceId && event.status ? { ...row, status: event.status } : row,
  );
  refetchSoon(queryClient);
};

/**
 * Keep the network pages live: task events put the running task on its row (and take it off
 * when it finishes), resource events patch the status, then this module's reads are re-read
 * for what an event does not carry. Also keeps task lists and timelines live (useLiveEvents).
 */
export const useNetworkLive = (): boolean => {
  const queryClient = useQueryClient();
  const connected = useLiveEvents();
  const onEvent = useCallback(
    (event: PortalEvent) => applyEvent(queryClient, event),
    [queryClient],
  );
  usePortalEvents(onEvent);
  return connected;
};
