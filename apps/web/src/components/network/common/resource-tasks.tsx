'use client';

import { useQuery } from '@tanstack/react-query';
import { listTasks } from '@yunguan/contract';
import { ErrorAlert } from '@/components/common/error-alert';
import { TaskTimeline } from '@/components/tasks/task-timeline';
import { queryOptionsFor } from '@/lib/api';

/** The tasks run on one object, newest first, with their steps (live). */
export function ResourceTasks({ resourceId, testId }: { resourceId: string; testId: string }) {
  const tasks = useQuery(queryOptionsFor(listTasks, { query: { resourceId, pageSize: 50 } }));
  return (
    <>
      <ErrorAlert error={tasks.error} />
      <TaskTimeline tasks={tasks.data?.items ?? []} testId={testId} />
    </>
  );
}
