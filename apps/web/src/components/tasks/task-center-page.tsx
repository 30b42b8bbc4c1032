'use client';

import { useQuery } from '@tanstack/react-query';
import type { Task, TaskStatus } from '@yunguan/contract';
import { listTasks, resourceKinds, taskStatuses } from '@yunguan/contract';
import { DatePicker, Flex, Input, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import Link from 'next/link';
import { type ComponentProps, useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { kindLabel, taskStatusLabel, taskVerbLabel } from '@/lib/labels';
import { useMe } from '@/lib/me-context';
import { taskObjectHref } from '@/lib/task-links';
import { useLiveEvents } from '@/lib/use-events';
import { LiveBadge } from '@/components/compute/live-badge';
import { TaskCard, TaskStatusTag } from './task-timeline';

type Kind = 'server' | 'image' | (typeof resourceKinds)[number];
type Range = Parameters<NonNullable<ComponentProps<typeof DatePicker.RangePicker>['onChange']>>[0];
type Filter = { projectId?: string; targetType?: Kind; status?: TaskStatus; range?: Range };

const kinds: readonly Kind[] = ['server', 'image', ...resourceKinds];

/** 任务中心: every task the user may see, filtered by project, object type, state and time;
 * a row opens into its timeline. Refreshes every 5 s while a task on the page is unfinished. */
export function TaskCenterPage() {
  const { t, lang } = useI18n();
  // Live: task rows and their timelines follow the event stream (and resume after a drop).
  const connected = useLiveEvents();
  const me = useMe();
  const list = useListState();
  const [filter, setFilter] = useState<Filter>({});
  const set = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    list.setPage(1);
  };
  const query = useQuery({
    ...queryOptionsFor(listTasks, {
      query: {
        page: list.page,
        pageSize: list.pageSize,
        q: list.q || undefined,
        projectId: filter.projectId,
        targetType: filter.targetType,
        status: filter.status,
        createdFrom: filter.range?.[0]?.toISOString(),
        createdTo: filter.range?.[1]?.toISOString(),
      },
    }),
  });
  const projectName = (id: string) => me.projects.find((p) => p.id === id)?.name ?? '—';

  const columns: TableColumnsType<Task> = [
    {
      title: t('tasks.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: TaskStatus) => <TaskStatusTag status={s} />,
    },
    {
      title: t('tasks.action'),
      dataIndex: 'action',
      render: (action: string) => taskVerbLabel(t, action),
    },
    {
      title: t('tasks.target'),
      key: 'target',
      render: (_: unknown, task: Task) => {
        const href = taskObjectHref(task);
        const name = `${kindLabel(t, task.targetType)} ${task.targetName}`;
        return href ? <Link href={href}>{name}</Link> : name;
      },
    },
    { title: t('tasks.project'), dataIndex: 'projectId', render: projectName },
    { title: t('tasks.actor'), dataIndex: 'actorName' },
    {
      title: t('tasks.time'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, lang),
    },
  ];

  return (
    <>
      <PageHeader title={t('tasks.title')} extra={<LiveBadge connected={connected} />} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="task-filters">
        <Select
          allowClear
          placeholder={t('tasks.allProjects')}
          style={{ width: 200 }}
          data-testid="task-filter-project"
          value={filter.projectId}
          onChange={(v?: string) => set({ projectId: v })}
          options={me.projects.map((p) => ({
            value: p.id,
            label: `${p.departmentName} / ${p.name}`,
          }))}
        />
        <Select
          allowClear
          placeholder={t('tasks.allKinds')}
          style={{ width: 160 }}
          data-testid="task-filter-kind"
          value={filter.targetType}
          onChange={(v?: Kind) => set({ targetType: v })}
          options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
        <Select
          allowClear
          placeholder={t('tasks.allStatuses')}
          style={{ width: 140 }}
          data-testid="task-filter-status"
          value={filter.status}
          onChange={(v?: TaskStatus) => set({ status: v })}
          options={taskStatuses.map((s) => ({ value: s, label: taskStatusLabel(t, s) }))}
        />
        <DatePicker.RangePicker
          showTime
          data-testid="task-filter-time"
          onChange={(range) => set({ range })}
        />
        <Input.Search
          allowClear
          placeholder={t('tasks.searchPlaceholder')}
          style={{ width: 220 }}
          onSearch={list.search}
          data-testid="task-filter-q"
        />
      </Flex>
      {query.error && <ErrorAlert error={query.error} />}
      <Table<Task>
        rowKey="id"
        size="middle"
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        pagination={list.pagination(query.data?.total)}
        onRow={(task) => ({ 'data-testid': `task-row-${task.id}` }) as object}
        expandable={{
          expandedRowRender: (task) => <TaskCard task={task} />,
        }}
        data-testid="task-center"
      />
    </>
  );
}
