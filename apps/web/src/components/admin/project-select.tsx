'use client';

import { useQuery } from '@tanstack/react-query';
import { listProjects } from '@yunguan/contract';
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { queryOptionsFor } from '@/lib/api';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & { departmentId?: string };

/** Projects the caller can see, optionally of one department (first 500). */
export function ProjectSelect({ departmentId, ...props }: Props) {
  const projects = useQuery(
    queryOptionsFor(listProjects, { query: { page: 1, pageSize: 500, departmentId } }),
  );
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={projects.isPending}
      options={(projects.data?.items ?? []).map((p) => ({
        value: p.id,
        label: departmentId ? p.name : `${p.departmentName} / ${p.name}`,
      }))}
      {...props}
    />
  );
}
