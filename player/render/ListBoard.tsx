import { type ReactNode, useMemo } from 'react';
import type { Canvas, ListBoardItem } from '../../core/manifest/types.js';
import { BoardFooter, BoardHeader, EmptyPanel } from './BoardParts.js';
import { useItemSignals, useReadyAfterLayout, useTimedRerender } from './hooks.js';
import { ListMarquee, PagedBoard, ScrollBoard } from './ListModes.js';
import { boardTitle, entryCount, liveLists, msUntilNextPage, repairNotice } from './listRows.js';
import { dateIn, msUntilMidnight } from './time.js';
import type { ItemViewProps } from './types.js';
import { isStrip, stripFontPx, unitOf, unitStyle } from './units.js';
import './render.css';

/**
 * A credit list board (诚信红黑榜). The theme follows the selector's list type and only datasets
 * of that type are shown. Entries past their `publishUntil` in the screen's timezone are
 * dropped at render time, and the board re-renders at midnight and at every page turn.
 *
 * Several categories for one selector are shown one after another: in paged mode the pages of
 * the first category, then of the next, the header naming the category on screen; in scroll
 * and marquee mode one stream, category after category, each row tagged with its category.
 * On an LED strip every mode becomes a one-line marquee carrying the repair notice.
 */
export function ListBoard({ item, ctx, onReady, onError }: ItemViewProps<ListBoardItem>) {
  const signals = useItemSignals({ onReady, onError });
  const strip = isStrip(ctx.canvas, ctx.layout);
  const mode = strip ? 'marquee' : item.mode;
  useTimedRerender(ctx.now, (t) => {
    const midnight = msUntilMidnight(t, ctx.timezone);
    return mode === 'paged' ? Math.min(midnight, msUntilNextPage(t, item.dwellSec)) : midnight;
  });
  const now = ctx.now();
  const today = dateIn(now, ctx.timezone);
  const lists = useMemo(() => liveLists(item, ctx.lists, today), [item, ctx.lists, today]);
  useReadyAfterLayout(signals);

  const listType = item.selector.listType;
  const notice = repairNotice(listType, ctx.hall.repairWindowText);
  const count = entryCount(lists);
  const single = lists.length === 1 ? lists[0] : undefined;

  let body: ReactNode;
  if (count === 0 && !strip) {
    body = (
      <>
        <BoardHeader
          listType={listType}
          title={boardTitle(listType, lists[0])}
          category={single?.dataset.category.name}
        />
        <EmptyPanel />
        <BoardFooter notice={notice} />
      </>
    );
  } else if (count === 0) {
    body = <div className="hc-strip-text">{boardTitle(listType, lists[0])}：本期暂无公示信息</div>;
  } else if (strip) {
    const live = lists.filter((l) => l.entries.length > 0);
    const fields = live[0]?.fields ?? item.fields;
    body = (
      <ListMarquee
        lists={live}
        fields={fields}
        listType={listType}
        fontPx={stripFontPx(ctx.canvas)}
        notice={notice}
      />
    );
  } else if (mode === 'paged') {
    body = <PagedBoard item={item} lists={lists} notice={notice} now={now} canvas={ctx.canvas} />;
  } else if (mode === 'scroll') {
    body = <ScrollBoard item={item} lists={lists} notice={notice} canvas={ctx.canvas} />;
  } else {
    const live = lists.filter((l) => l.entries.length > 0);
    body = (
      <>
        <BoardHeader
          listType={listType}
          title={boardTitle(listType, live[0])}
          category={live.length === 1 ? live[0]?.dataset.category.name : undefined}
          count={count}
        />
        <div className="hc-board-band">
          <ListMarquee
            lists={live}
            fields={live[0]?.fields ?? item.fields}
            listType={listType}
            fontPx={Math.round(unitOf(ctx.canvas) * 72)}
          />
        </div>
        <BoardFooter notice={notice} />
      </>
    );
  }

  return (
    <section
      className={boardClass(listType, strip, ctx.canvas)}
      data-kind="list-board"
      data-testid="list-board"
      data-list-type={listType}
      data-mode={mode}
      style={unitStyle(ctx.canvas, strip ? { fontSize: `${stripFontPx(ctx.canvas)}px` } : undefined)}
    >
      {body}
    </section>
  );
}

function boardClass(listType: string, strip: boolean, canvas: Canvas): string {
  if (strip) return `hc-board hc-board--${listType} hc-board--strip`;
  return canvas.width < canvas.height
    ? `hc-board hc-board--${listType} hc-board--narrow`
    : `hc-board hc-board--${listType}`;
}
