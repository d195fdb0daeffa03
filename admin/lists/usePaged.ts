import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import type { ApiError } from '../lib/api.js';
import { useResource } from '../lib/useResource.js';
import type { PageQuery } from './creditApi.js';

export interface PagedResult<T> {
  total: number;
  items: T[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  /** Replaces one loaded item after a write, without a refetch. */
  update: (fn: (item: T) => T) => void;
  /** Server-side paging for an antd Table. */
  pagination: TablePaginationConfig;
}

const EMPTY: PagedResult<never> = { total: 0, items: [] };

/**
 * Loads one page at a time from a list the server pages with offset/limit. `load` must be
 * stable while the filters stay the same (useCallback); a new `load` goes back to page 1.
 */
export function usePaged<T>(load: (page: PageQuery) => Promise<PagedResult<T>>, initialSize = 20): Paged<T> {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const [lastLoad, setLastLoad] = useState(() => load);

  if (lastLoad !== load) {
    setLastLoad(() => load);
    setPage(1);
  }

  const loadPage = useCallback(
    () => load({ offset: (page - 1) * pageSize, limit: pageSize }),
    [load, page, pageSize],
  );
  const { data = EMPTY, loading, error, reload, setData } = useResource(loadPage);
  const update = useCallback(
    (fn: (item: T) => T) => setData((d) => d && { total: d.total, items: d.items.map(fn) }),
    [setData],
  );
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data.total,
    showSizeChanger: true,
    showTotal: (total) => `共 ${total} 条`,
    onChange: (next, size) => {
      setPage(size === pageSize ? next : 1);
      setPageSize(size);
    },
  };
  return { items: data.items as T[], total: data.total, loading, error, reload, update, pagination };
}
