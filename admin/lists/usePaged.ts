import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../lib/api.js';
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

/**
 * Loads one page at a time from a list the server pages with offset/limit. `load` must be
 * stable while the filters stay the same (useCallback); a new `load` goes back to page 1.
 */
export function usePaged<T>(load: (page: PageQuery) => Promise<PagedResult<T>>, initialSize = 20): Paged<T> {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const [data, setData] = useState<PagedResult<T>>({ total: 0, items: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const [lastLoad, setLastLoad] = useState(() => load);

  if (lastLoad !== load) {
    setLastLoad(() => load);
    setPage(1);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload trigger.
  useEffect(() => {
    let current = true;
    setLoading(true);
    load({ offset: (page - 1) * pageSize, limit: pageSize }).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [load, page, pageSize, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback(
    (fn: (item: T) => T) => setData((d) => ({ total: d.total, items: d.items.map(fn) })),
    [],
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
  return { items: data.items, total: data.total, loading, error, reload, update, pagination };
}
