import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PageQuery } from './creditApi.js';
import { usePaged } from './usePaged.js';

/** A server-paged list of `n` numbered rows; records each query. */
function rows(n: number) {
  const queries: PageQuery[] = [];
  const load = async (q: PageQuery) => {
    queries.push(q);
    const items = Array.from({ length: Math.max(0, Math.min(q.limit, n - q.offset)) }, (_, i) => ({
      id: q.offset + i + 1,
    }));
    return { total: n, items };
  };
  return { load, queries };
}

describe('usePaged', () => {
  it('loads the page the table asks for, and goes back to page 1 with new filters', async () => {
    const a = rows(45);
    const { result, rerender } = renderHook(({ load }) => usePaged(load, 20), {
      initialProps: { load: a.load },
    });
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    expect(result.current.total).toBe(45);
    act(() => result.current.pagination.onChange?.(3, 20));
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual([41, 42, 43, 44, 45]));
    expect(a.queries.at(-1)).toEqual({ offset: 40, limit: 20 });

    const b = rows(7);
    rerender({ load: b.load });
    await waitFor(() => expect(result.current.total).toBe(7));
    expect(result.current.pagination.current).toBe(1);
    expect(b.queries.at(-1)).toEqual({ offset: 0, limit: 20 });
  });

  it('replaces loaded items after a write without a refetch, and reloads on demand', async () => {
    const a = rows(3);
    const { result } = renderHook(() => usePaged(a.load));
    await waitFor(() => expect(result.current.items).toHaveLength(3));
    const before = a.queries.length;
    act(() => result.current.update((r) => (r.id === 2 ? { id: 20 } : r)));
    expect(result.current.items.map((r) => r.id)).toEqual([1, 20, 3]);
    expect(a.queries.length).toBe(before);
    act(() => result.current.reload());
    await waitFor(() => expect(a.queries.length).toBe(before + 1));
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual([1, 2, 3]));
  });
});
