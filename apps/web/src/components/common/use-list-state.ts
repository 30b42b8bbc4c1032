'use client';

import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';

/** Server-side list state: page, page size and the search text. */
export const useListState = (initialPageSize = 20) => {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [q, setQ] = useState('');

  const search = useCallback((text: string) => {
    setQ(text.trim());
    setPage(1);
  }, []);

  const onPageChange = useCallback((nextPage: number, nextSize: number) => {
    setPage(nextPage);
    setPageSize(nextSize);
  }, []);

  /** The table's `pagination` prop for a server-paged list of `total` rows. */
  const pagination = (total = 0): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (all) => t('common.total', { total: all }),
    onChange: onPageChange,
  });

  return { page, pageSize, q, search, onPageChange, setPage, pagination };
};
