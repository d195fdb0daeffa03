import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListBoard } from './ListBoard.js';
import { MAX_ROW_NODES } from './ListModes.js';
import { boardItem, context, dataset, entry, manyEntries } from './testFixtures.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const rowIds = () => screen.queryAllByTestId('list-row').map((r) => r.getAttribute('data-entry-id'));

describe('ListBoard', () => {
  it('shows the masked values it is given, only in the item’s columns', () => {
    const person = entry('p1', {
      subjectType: 'person',
      name: '张*',
      code: '110105********002X',
      legalRep: '不应出现',
    });
    const ctx = context({ lists: [dataset('black', [person])] });
    const item = boardItem({
      selector: { listType: 'black', categoryIds: 'all' },
      fields: ['name', 'code', 'reason'],
    });
    render(<ListBoard item={item} ctx={ctx} />);
    const board = screen.getByTestId('list-board');
    expect(board.textContent).toContain('110105********002X');
    expect(board.textContent).toContain('张*');
    expect(board.textContent).not.toContain('不应出现');
    expect(board.textContent).not.toMatch(/\d{17}[\dX]/);
    expect(board.textContent).toContain('统一社会信用代码/证件号');
  });

  it('writes dates as people here write them', () => {
    const e = entry('d1', { decisionDate: '2026-04-01', publishUntil: '2027-03-31' });
    const ctx = context({ lists: [dataset('red', [e])] });
    const item = boardItem({ fields: ['name', 'decisionDate', 'publishUntil'] });
    render(<ListBoard item={item} ctx={ctx} />);
    const row = screen.getByTestId('list-row');
    expect(row.textContent).toContain('2026年4月1日');
    expect(row.textContent).toContain('2027年3月31日');
    expect(row.textContent).not.toContain('2027-03-31');
  });

  it('keeps to the columns the dataset publishes', () => {
    const ctx = context({ lists: [dataset('red', [entry('a')], { fields: ['name', 'reason'] })] });
    render(<ListBoard item={boardItem({ fields: ['name', 'code', 'reason'] })} ctx={ctx} />);
    expect(screen.getByTestId('list-board').textContent).not.toContain('91231100MA1B2C3D4E');
  });

  it('drops entries past publishUntil on the screen’s date, not the host’s', () => {
    // 2026-11-27 16:30 UTC is already 2026-11-28 00:30 in Shanghai.
    const now = Date.UTC(2026, 10, 27, 16, 30);
    const lists = [
      dataset('red', [
        entry('ended', { publishUntil: '2026-11-27' }),
        entry('last-day', { publishUntil: '2026-11-28' }),
        entry('later', { publishUntil: '2027-01-01' }),
      ]),
    ];
    render(<ListBoard item={boardItem()} ctx={context({ lists, now: () => now })} />);
    expect(rowIds()).toEqual(['last-day', 'later']);
  });

  it('picks the page from now() and turns it when the clock moves', () => {
    vi.useFakeTimers();
    let now = 10_000 * 3001; // slot 3001 of 3 pages -> page 2
    const ctx = context({ lists: [dataset('red', manyEntries(25))], now: () => now });
    render(<ListBoard item={boardItem({ rowsPerPage: 10, dwellSec: 10 })} ctx={ctx} />);
    expect(rowIds()).toEqual(manyEntries(10).map((_, i) => `e${i + 10}`));
    expect(screen.getByText('第 2/3 页')).toBeTruthy();
    act(() => {
      now += 10_100;
      vi.advanceTimersByTime(10_100);
    });
    expect(rowIds()).toEqual(['e20', 'e21', 'e22', 'e23', 'e24']);
    expect(screen.getByText('第 3/3 页')).toBeTruthy();
  });

  it('shows several categories one after another, each under its own heading', () => {
    const first = dataset('red', manyEntries(12), { category: { id: 'a', name: 'A级纳税人' } });
    const second = dataset('red', [entry('s1'), entry('s2')], { category: { id: 'b', name: '守信企业' } });
    const ctx = context({ lists: [first, second], now: () => 10_000 * 2 });
    render(<ListBoard item={boardItem({ rowsPerPage: 10, dwellSec: 10 })} ctx={ctx} />);
    expect(rowIds()).toEqual(['s1', 's2']);
    expect(screen.getByText('守信企业')).toBeTruthy();
    expect(screen.getByText('第 1/1 页')).toBeTruthy();
  });

  it('keeps at most ~100 row nodes for a 10,000-entry list in scroll mode', () => {
    const ctx = context({ lists: [dataset('red', manyEntries(10_000))] });
    render(<ListBoard item={boardItem({ mode: 'scroll', rowsPerPage: 12 })} ctx={ctx} />);
    const rows = screen.getAllByTestId('list-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(MAX_ROW_NODES);
  });

  it('keeps the marquee bounded too', () => {
    const ctx = context({ lists: [dataset('black', manyEntries(10_000))] });
    const item = boardItem({ mode: 'marquee', selector: { listType: 'black', categoryIds: 'all' } });
    render(<ListBoard item={item} ctx={ctx} />);
    expect(screen.getAllByTestId('list-row').length).toBeLessThanOrEqual(MAX_ROW_NODES);
  });

  it('styles red and black lists apart and never shows one under the other’s theme', () => {
    const lists = [dataset('red', [entry('r1')]), dataset('black', [entry('b1')])];
    const { unmount } = render(<ListBoard item={boardItem()} ctx={context({ lists })} />);
    expect(screen.getByTestId('list-board').getAttribute('data-list-type')).toBe('red');
    expect(screen.getByTestId('list-board').className).toContain('hc-board--red');
    expect(rowIds()).toEqual(['r1']);
    unmount();
    const black = boardItem({ selector: { listType: 'black', categoryIds: 'all' } });
    render(<ListBoard item={black} ctx={context({ lists })} />);
    expect(screen.getByTestId('list-board').getAttribute('data-list-type')).toBe('black');
    expect(screen.getByTestId('list-board').className).toContain('hc-board--black');
    expect(rowIds()).toEqual(['b1']);
  });

  it('shows a dignified empty panel and is still ready', () => {
    const onReady = vi.fn();
    const lists = [dataset('red', [entry('old', { publishUntil: '2020-01-01' })])];
    render(<ListBoard item={boardItem()} ctx={context({ lists })} onReady={onReady} />);
    expect(screen.getByText('本期暂无公示信息')).toBeTruthy();
    expect(screen.queryAllByTestId('list-row')).toHaveLength(0);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('tells where to object or apply for repair', () => {
    render(<ListBoard item={boardItem()} ctx={context({ lists: [dataset('red', [entry('a')])] })} />);
    expect(screen.getByTestId('list-board').textContent).toContain('一楼综合窗口（信用修复）');
    expect(screen.getByTestId('list-board').textContent).toContain('信用中国');
  });

  it('becomes a one-line marquee on an LED strip', () => {
    const ctx = context({ lists: [dataset('red', [entry('a')])], canvas: { width: 256, height: 32 } });
    render(<ListBoard item={boardItem({ mode: 'paged' })} ctx={ctx} />);
    expect(screen.getByTestId('list-board').getAttribute('data-mode')).toBe('marquee');
    expect(screen.getByTestId('list-board').style.fontSize).toBe('24px');
  });
});
