import { type CSSProperties, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LIST_FIELD_LABELS, type ListField, type ListType } from '../../core/credit/dataset.js';
import type { Canvas, ListBoardItem } from '../../core/manifest/types.js';
import { BoardFooter, BoardHeader, EntryRow, HeadRow } from './BoardParts.js';
import { useElementSize, useRafLoop } from './hooks.js';
import { boardTitle, entryCount, flatten, type LiveList, pageAt, streamRows } from './listRows.js';
import { MarqueeTrack } from './MarqueeTrack.js';
import { rowFontPx } from './units.js';

/** At most this many row nodes are in the DOM in scroll mode, however long the list. */
export const MAX_ROW_NODES = 100;
/** Entries per marquee segment; with MarqueeTrack's 12 segments at most 96 row nodes. */
const MARQUEE_CHUNK = 8;

interface ModeProps {
  item: ListBoardItem;
  lists: LiveList[];
  notice: string;
}

/** The body's style: its row count and the rows' type size from its measured height. */
function bodyStyle(canvas: Canvas, height: number, rows: number): CSSProperties {
  return { '--rows': rows, '--row-font': `${rowFontPx(canvas, height, rows)}px` } as CSSProperties;
}

/** One page of rows, sized from its own measured height (a new page is a new element). */
function PagedBody({
  item,
  list,
  page,
  canvas,
}: {
  item: ListBoardItem;
  list: LiveList;
  page: NonNullable<ReturnType<typeof pageAt>>;
  canvas: Canvas;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref, { width: canvas.width, height: Math.round(canvas.height * 0.62) });
  return (
    <div
      ref={ref}
      className="hc-board-body hc-board-body--paged hc-fade-in"
      style={bodyStyle(canvas, size.height, item.rowsPerPage)}
    >
      {page.entries.map((entry, i) => (
        <EntryRow key={entry.id} entry={entry} fields={list.fields} odd={i % 2 === 1} />
      ))}
    </div>
  );
}

/** Pages of the first category, then of the next; the page is a function of `now`. */
export function PagedBoard({
  item,
  lists,
  notice,
  now,
  canvas,
}: ModeProps & { now: number; canvas: Canvas }) {
  const listType = item.selector.listType;
  const page = pageAt(lists, item.rowsPerPage, item.dwellSec, now);
  const list = page ? lists[page.listIndex] : undefined;
  if (!page || !list) return null;
  return (
    <>
      <BoardHeader
        listType={listType}
        title={boardTitle(listType, list)}
        category={list.dataset.category.name}
        count={list.entries.length}
      />
      <div className="hc-board-table">
        <HeadRow fields={list.fields} />
        <PagedBody
          key={`${page.listIndex}:${page.page}`}
          item={item}
          list={list}
          page={page}
          canvas={canvas}
        />
      </div>
      <BoardFooter notice={notice} pageText={`第 ${page.page}/${page.pageCount} 页`} />
    </>
  );
}

/** The columns every category in one stream may show, so rows of different categories align. */
function streamFields(item: ListBoardItem, lists: LiveList[]): ListField[] {
  const shared = item.fields.filter((f) => lists.every((l) => l.fields.includes(f)));
  return shared.length > 0 ? shared : (lists[0]?.fields ?? item.fields);
}

/**
 * Continuous vertical scroll through every category in turn, one screenful per dwell, after a
 * short hold on the top rows. Virtualised: only the rows crossing the viewport are rendered,
 * positioned with transforms; the track moves with translate3d.
 */
export function ScrollBoard({ item, lists, notice, canvas }: ModeProps & { canvas: Canvas }) {
  const listType = item.selector.listType;
  const live = useMemo(() => lists.filter((l) => l.entries.length > 0), [lists]);
  const rows = useMemo(() => streamRows(live), [live]);
  const entries = entryCount(live);
  const fields = useMemo(() => streamFields(item, live), [item, live]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(bodyRef, { width: canvas.width, height: Math.round(canvas.height * 0.62) });
  const rowHeight = size.height / item.rowsPerPage;
  const scrolls = rows.length > item.rowsPerPage;
  const cycle = rows.length + 1;
  const [first, setFirst] = useState(0);
  const motion = useRef({ t0: -1, offset: 0, committed: 0, requested: 0 });

  const place = () => {
    const m = motion.current;
    const y = m.offset - m.committed * rowHeight;
    if (trackRef.current) trackRef.current.style.transform = `translate3d(0, ${-y}px, 0)`;
  };
  useRafLoop((t) => {
    const m = motion.current;
    if (m.t0 < 0) m.t0 = t;
    const hold = Math.min(3000, item.dwellSec * 1000);
    m.offset = (Math.max(0, t - m.t0 - hold) * size.height) / (item.dwellSec * 1000);
    place();
    const want = Math.floor(m.offset / rowHeight);
    if (want !== m.requested) {
      m.requested = want;
      setFirst(want);
    }
  }, scrolls);
  useLayoutEffect(() => {
    motion.current.committed = first;
    place();
  });

  const visible = scrolls ? Math.min(MAX_ROW_NODES, Math.ceil(item.rowsPerPage) + 2) : rows.length;
  const top = rows[first % cycle] ?? rows[0];
  const list = live[top?.listIndex ?? 0];
  const slots = Array.from({ length: visible }, (_, k) => first + k);
  return (
    <>
      <BoardHeader
        listType={listType}
        title={boardTitle(listType, list)}
        category={list?.dataset.category.name}
        count={entries}
      />
      <div className="hc-board-table">
        <HeadRow fields={fields} />
        <div
          ref={bodyRef}
          className="hc-board-body hc-board-body--scroll"
          style={bodyStyle(canvas, size.height, item.rowsPerPage)}
        >
          <div ref={trackRef} className="hc-scroll-track">
            {slots.map((v, k) => {
              const style: CSSProperties = {
                height: rowHeight,
                transform: `translate3d(0, ${k * rowHeight}px, 0)`,
              };
              const row = scrolls ? rows[v % cycle] : rows[v];
              if (!row) {
                return (
                  <div key={v} className="hc-row hc-row--end" style={style}>
                    — 以上为全部公示信息 —
                  </div>
                );
              }
              if (row.kind === 'section') {
                return (
                  <div key={v} className="hc-row hc-row--section" style={style}>
                    {live[row.listIndex]?.dataset.category.name}
                  </div>
                );
              }
              return <EntryRow key={v} entry={row.entry} fields={fields} style={style} odd={v % 2 === 1} />;
            })}
          </div>
        </div>
      </div>
      <BoardFooter notice={notice} />
    </>
  );
}

interface MarqueeProps {
  lists: LiveList[];
  fields: ListField[];
  listType: ListType;
  fontPx: number;
  /** Carried in the band itself on an LED strip, which has no room for a footer. */
  notice?: string;
}

/** A one-line band of entries, category after category, each tagged with its category. */
export function ListMarquee({ lists, fields, listType, fontPx, notice }: MarqueeProps) {
  const rows = useMemo(() => flatten(lists), [lists]);
  const chunks = Math.ceil(rows.length / MARQUEE_CHUNK);
  const segments = chunks + (notice ? 1 : 0);
  const tag = listType === 'red' ? '红榜' : '黑榜';
  const renderSegment = (seq: number) => {
    const c = seq % segments;
    if (c >= chunks) return <span className="hc-mq-notice">{notice}</span>;
    return rows.slice(c * MARQUEE_CHUNK, (c + 1) * MARQUEE_CHUNK).map(({ entry, listIndex }) => (
      <span key={entry.id} className="hc-mq-entry" data-testid="list-row" data-entry-id={entry.id}>
        <span className="hc-mq-tag">
          【{tag}·{lists[listIndex]?.dataset.category.name}】
        </span>
        {fields.map((f) =>
          f === 'name' ? (
            <span key={f} className="hc-mq-name">
              {entry.name}
            </span>
          ) : (
            <span key={f} className="hc-mq-field">
              {LIST_FIELD_LABELS[f]}：{entry[f]}
            </span>
          ),
        )}
      </span>
    ));
  };
  return (
    <div className="hc-mq-band" style={{ fontSize: fontPx }}>
      <MarqueeTrack renderSegment={renderSegment} speed={fontPx * 3} maxSegments={12} />
    </div>
  );
}
