'use client';

import { useQuery } from '@tanstack/react-query';
import { listDepartments } from '@yunguan/contract';
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { queryOptionsFor } from '@/lib/api';

type Props = Omit<SelectProps<string>, 'options' | 'loading'>;

/** Departments the caller can see (first 500, filtered as you type). */
export function DepartmentSelect(props: Props) {
  const departments = useQuery(
    queryOptionsFor(listDepartments, { query: { page: 1, pageSize: 500 } }),
  );
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={departments.isPending}
      options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
      {...props}
    />
  );
}
