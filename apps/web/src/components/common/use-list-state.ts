'use client';

import { useCallback, useState } from 'react';

/** Server-side list state: page, page size and the search text. */
export const useListState = (initialPageSize = 20) => {
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

  return { page, pageSize, q, search, onPageChange, setPage };
};
