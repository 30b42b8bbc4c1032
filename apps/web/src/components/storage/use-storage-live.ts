'use client';

import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import type { PortalEvent, ResourceChangedEvent, Task } from '@yunguan/contract';
import {
  finishedTaskStatuses,
  getVolume,
  getVolumeBackup,
  getVolumeSnapshot,
  listVolumeBackups,
  listVolumeSnapshots,
  listVolumes,
  storageKinds,
} from '@yunguan/contract';
import { useCallback, useEffect, useRef } from 'react';
import { useEventsConnected, useLiveEvents, usePortalEvents } from '@/lib/use-events';

type Item = { id: string; externalId: string; status: string; name: string; activeTask: unknown };
type Page = { items: Item[]; total: number; page: number; pageSize: number };
type ActiveTask = { id: string; action: string; status: string } | null;

const kinds: ReadonlySet<string> = new Set(storageKinds);
const lists = [listVolumes, listVolumeSnapshots, listVolumeBackups] as const;
const details = [getVolume, getVolumeSnapshot, getVolumeBackup] as const;

/** Refetches of one query within this window collapse into one. */
const SETTLE_MS = 300;
const pending = new Map<string, ReturnType<typeof setTimeout>>();
const refetchSoon = (queryClient: QueryClient, queryKey: QueryKey): void => {
  const id = JSON.stringify(queryKey);
  if (pending.has(id)) return;
  pending.set(
    id,
    setTimeout(() => {
      pending.delete(id);
      void queryClient.invalidateQueries({ queryKey });
    }, SETTLE_MS),
  );
};

const refetchAll = (queryClient: QueryClient): void => {
  for (const c of [...lists, ...details]) refetchSoon(queryClient, [c.id]);
};

/** Put `patch` onto every cached list row and detail that is this object. */
const patchEverywhere = (
  queryClient: QueryClient,
  match: (item: Item) => boolean,
  patch: (item: Item) => Item,
  remove = false,
): void => {
  for (const contract of lists) {
    queryClient.setQueriesData<Page>({ queryKey: [contract.id] }, (page) => {
      if (!page?.items.some(match)) return page;
      if (remove) {
        return { ...page, items: page.items.filter((i) => !match(i)), total: page.total - 1 };
      }
      return { ...page, items: page.items.map((i) => (match(i) ? patch(i) : i)) };
    });
  }
  for (const contract of details) {
    queryClient.setQueriesData<Item>({ queryKey: [contract.id] }, (item) =>
      item && match(item) ? patch(item) : item,
    );
  }
};

/** A storage task moved: rows show it as their active task (spinner, action) at once. */
const applyTask = (queryClient: QueryClient, task: Task): void => {
  const done = finishedTaskStatuses.includes(task.status);
  const match = (i: Item) =>
    (task.resourceId !== null && i.id === task.resourceId) ||
    (task.targetExternalId !== null && i.externalId === task.targetExternalId);
  patchEverywhere(queryClient, match, (item) => {
    const current = item.activeTask as ActiveTask;
    const activeTask: ActiveTask = done
      ? current?.id === task.id
        ? null
        : current
      : { id: task.id, action: task.action, status: task.status };
    return { ...item, activeTask };
  });
  // Finished tasks change the object (size, attachments, a new snapshot …): read again.
  if (done || task.resourceId) refetchAll(queryClient);
};

const applyChange = (queryClient: QueryClient, event: ResourceChangedEvent): void => {
  const match = (i: Item) => i.id === event.resourceId;
  patchEverywhere(
    queryClient,
    match,
    (item) => ({
      ...item,
      ...(event.status ? { status: event.status } : {}),
      ...(event.name ? { name: event.name } : {}),
    }),
    event.change === 'deleted',
  );
  refetchAll(queryClient);
};

/** Apply one portal event to the cached volumes, snapshots and backups. */
export const applyStorageEvent = (queryClient: QueryClient, event: PortalEvent): void => {
  if (event.type === 'task.updated') {
    if (kinds.has(event.task.targetType)) applyTask(queryClient, event.task);
    // A finished server task (delete, rebuild …) can change the volumes attached to it.
    else if (finishedTaskStatuses.includes(event.task.status)) refetchAll(queryClient);
  } else if (kinds.has(event.resourceType) || event.resourceType === 'server') {
    applyChange(queryClient, event);
  }
};

/** Patch cached volumes, snapshots and backups from the event stream (for pages that already
 * mount `useLiveEvents`, e.g. the server detail); re-reads them after a reconnect. */
export const useStorageEvents = (): void => {
  const queryClient = useQueryClient();
  const onEvent = useCallback(
    (event: PortalEvent) => applyStorageEvent(queryClient, event),
    [queryClient],
  );
  usePortalEvents(onEvent);
  const connected = useEventsConnected();
  // Events may have been missed while the stream was down: read again once it is back.
  const lost = useRef(false);
  const seen = useRef(false);
  useEffect(() => {
    if (connected && lost.current) refetchAll(queryClient);
    if (connected) seen.current = true;
    lost.current = !connected && seen.current;
  }, [connected, queryClient]);
};

/**
 * Keep storage lists and details live: task events patch the rows' active task and status in
 * place; finished tasks and mirror changes re-read the lists. Returns whether the stream is
 * connected (for the live badge).
 */
export const useStorageLive = (): boolean => {
  const connected = useLiveEvents();
  useStorageEvents();
  return connected;
};
