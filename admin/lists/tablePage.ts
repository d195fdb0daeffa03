import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

/**
 * Which page of a server-paged list an antd Table shows: `query` is the ?offset=&limit= of the
 * read, `pagination(total)` the Table's pager. Filters call `first()` when they change.
 */
export function useTablePage(initialSize = 20) {
  const [current, setCurrent] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const query = { offset: (current - 1) * pageSize, limit: pageSize };
  const pagination = (total: number): TablePaginationConfig => ({
    current,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => `共 ${n} 条`,
    onChange: (next, size) => {
      setCurrent(size === pageSize ? next : 1);
      setPageSize(size);
    },
  });
  return { query, pagination, first: () => setCurrent(1) };
}
