import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  PortalEvent,
  ResourceChangedEvent,
  Server,
  ServerDetail,
  Task,
} from '@yunguan/contract';
import {
  finishedTaskStatuses,
  getServer,
  getTask,
  listServers,
  listTasks,
  serverStatusSchema,
} from '@yunguan/contract';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Refetches of the same query within this window collapse into one (a burst of 20 creates
 * must not become 20 list reads). */
const SETTLE_MS = 300;
const pending = new Map<string, ReturnType<typeof setTimeout>>();

const refetchSoon = (queryClient: QueryClient, queryKey: QueryKey, exact = false): void => {
  const id = JSON.stringify(queryKey);
  if (pending.has(id)) return;
  pending.set(
    id,
    setTimeout(() => {
      pending.delete(id);
      void queryClient.invalidateQueries({ queryKey, exact });
    }, SETTLE_MS),
  );
};

const detailKey = (id: string): QueryKey => [getServer.id, { params: { id } }];
const isFinished = (task: Task) => finishedTaskStatuses.includes(task.status);

/** Server lists of one project (or every project when null). */
const refetchServerLists = (queryClient: QueryClient, projectId: string | null) => {
  if (projectId === null) refetchSoon(queryClient, [listServers.id]);
  else refetchSoon(queryClient, [listServers.id, { params: { projectId } }]);
};

const upsertTask = (tasks: Task[], task: Task): Task[] => {
  const at = tasks.findIndex((t) => t.id === task.id);
  if (at === -1) return [task, ...tasks];
  return tasks.map((t) => (t.id === task.id ? task : t));
};

const applyTask = (queryClient: QueryClient, task: Task): void => {
  queryClient.setQueryData([getTask.id, { params: { id: task.id } }], task);
  let known = false;
  queryClient.setQueriesData<Page<Task>>({ queryKey: [listTasks.id] }, (page) => {
    if (!page?.items.some((t) => t.id === task.id)) return page;
    known = true;
    return { ...page, items: page.items.map((t) => (t.id === task.id ? task : t)) };
  });
  // A task no cached list holds yet (just created, or another user's): lists re-read.
  if (!known) refetchSoon(queryClient, [listTasks.id]);

  const done = isFinished(task);
  if (task.resourceId) {
    queryClient.setQueryData<ServerDetail>(detailKey(task.resourceId), (server) => {
      if (!server) return server;
      const activeTask = done
        ? server.activeTask?.id === task.id
          ? null
          : server.activeTask
        : { id: task.id, action: task.action, status: task.status };
      return { ...server, activeTask, recentTasks: upsertTask(server.recentTasks, task) };
    });
    queryClient.setQueriesData<Page<Server>>({ queryKey: [listServers.id] }, (page) => {
      if (!page?.items.some((s) => s.id === task.resourceId)) return page;
      return {
        ...page,
        items: page.items.map((s) =>
          s.id !== task.resourceId
            ? s
            : {
                ...s,
                activeTask: done
                  ? s.activeTask?.id === task.id
                    ? null
                    : s.activeTask
                  : { id: task.id, action: task.action, status: task.status },
              },
        ),
      };
    });
  }
  // A create learns its server row, and any finished task changes the server: re-read.
  if (done || task.resourceId) {
    if (task.resourceId) refetchSoon(queryClient, detailKey(task.resourceId), true);
    refetchServerLists(queryClient, task.projectId);
  }
};

const patchServer = <S extends Server>(server: S, event: ResourceChangedEvent): S => {
  const status = serverStatusSchema.safeParse(event.status);
  return {
    ...server,
    ...(status.success ? { status: status.data } : {}),
    ...(event.name ? { name: event.name } : {}),
  };
};

const applyServerChange = (queryClient: QueryClient, event: ResourceChangedEvent): void => {
  const id = event.resourceId;
  queryClient.setQueriesData<Page<Server>>({ queryKey: [listServers.id] }, (page) => {
    if (!page?.items.some((s) => s.id === id)) return page;
    if (event.change === 'deleted') {
      return { ...page, items: page.items.filter((s) => s.id !== id), total: page.total - 1 };
    }
    return { ...page, items: page.items.map((s) => (s.id === id ? patchServer(s, event) : s)) };
  });
  queryClient.setQueryData<ServerDetail>(detailKey(id), (server) =>
    server ? patchServer(server, event) : server,
  );
  // Addresses, flavor, task state … are not in the event: re-read what is on screen.
  refetchSoon(queryClient, detailKey(id), true);
  refetchServerLists(queryClient, event.projectId);
};

/** Apply one live event to the query cache. */
export const applyPortalEvent = (queryClient: QueryClient, event: PortalEvent): void => {
  if (event.type === 'task.updated') applyTask(queryClient, event.task);
  else if (event.resourceType === 'server') applyServerChange(queryClient, event);
};

/** The stream could not replay what was missed (`reset`): every cached query is stale. */
export const refreshAllQueries = (queryClient: QueryClient): void => {
  void queryClient.invalidateQueries();
};
