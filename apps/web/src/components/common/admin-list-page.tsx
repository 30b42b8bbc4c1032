'use client';

import { Table } from 'antd';
import type { TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';

/** An admin list: title and toolbar, the load error, the table (keyed by id) and,
 * as children, the page's dialogs. */
export function AdminListPage<T extends { id: string }>({
  title,
  extra,
  error,
  children,
  ...table
}: Omit<TableProps<T>, 'title'> & {
  title: ReactNode;
  extra: ReactNode;
  error: unknown;
  children?: ReactNode;
  'data-testid': string;
}) {
  return (
    <>
      <PageHeader title={title} extra={extra} />
      <ErrorAlert error={error} />
      <Table<T> rowKey="id" {...table} />
      {children}
    </>
  );
}
