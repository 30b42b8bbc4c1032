'use client';

import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { AdminListPage } from '@/components/common/admin-list-page';
import { DatacenterSelect } from '../datacenter-choice';
import type { useDatacenterChoice } from '../datacenter-choice';

/** A read-only catalog list of one datacenter, with the datacenter switcher in the header. */
export function CatalogListPage<T extends { id: string }>(props: {
  title: ReactNode;
  choice: ReturnType<typeof useDatacenterChoice>;
  error: unknown;
  loading: boolean;
  items: T[] | undefined;
  columns: TableColumnsType<T>;
  rowName: (row: T) => string;
  testId: string;
  extra?: ReactNode;
}) {
  const { choice, rowName, testId } = props;
  return (
    <AdminListPage<T>
      title={props.title}
      extra={
        <>
          {props.extra}
          <DatacenterSelect choice={choice} />
        </>
      }
      error={choice.query.error ?? props.error}
      dataSource={props.items}
      loading={props.loading}
      columns={props.columns}
      scroll={{ x: 'max-content' }}
      onRow={(row) =>
        ({ 'data-testid': `${testId}-row-${rowName(row)}` }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid={`${testId}-table`}
    />
  );
}
