import type { CSSProperties } from 'react';
import {
  type DatasetEntry,
  LIST_FIELD_LABELS,
  type ListField,
  type ListType,
} from '../../core/credit/dataset.js';
import { chineseDate } from '../../core/time.js';
import { gridColumns, LIST_TYPE_BADGE, LONG_VALUE } from './listRows.js';

export function BoardHeader(props: { listType: ListType; title: string; category?: string; count?: number }) {
  return (
    <header className="hc-board-head">
      <span className="hc-board-badge">{LIST_TYPE_BADGE[props.listType]}</span>
      <h1 className="hc-board-title">{props.title}</h1>
      {props.category ? <span className="hc-board-category">{props.category}</span> : null}
      {props.count !== undefined ? <span className="hc-board-count">共 {props.count} 条</span> : null}
    </header>
  );
}

export function BoardFooter(props: { notice: string; pageText?: string }) {
  return (
    <footer className="hc-board-foot">
      <span className="hc-board-notice">{props.notice}</span>
      {props.pageText ? <span className="hc-board-page">{props.pageText}</span> : null}
    </footer>
  );
}

/** The column headings, in the item's order, with the shared labels. */
export function HeadRow({ fields }: { fields: ListField[] }) {
  return (
    <div className="hc-row hc-row--head" style={{ gridTemplateColumns: gridColumns(fields) }}>
      {fields.map((f) => (
        <div key={f} className={`hc-cell hc-cell--${f}`}>
          {LIST_FIELD_LABELS[f]}
        </div>
      ))}
    </div>
  );
}

interface EntryRowProps {
  entry: DatasetEntry;
  fields: ListField[];
  style?: CSSProperties;
  odd?: boolean;
}

/** Long free text gets smaller type and a third line rather than being cut; codes and dates never. */
function cellClass(field: ListField, value: string): string {
  const long = value.length > LONG_VALUE && !SHORT_FIELDS.has(field);
  return long ? `hc-cell hc-cell--${field} hc-cell--long` : `hc-cell hc-cell--${field}`;
}

const SHORT_FIELDS = new Set<ListField>(['code', 'decisionDate', 'publishUntil']);

const DATE_FIELDS = new Set<ListField>(['decisionDate', 'publishUntil']);

/** A cell's text: dates as people here write them (2027年3月31日), the rest as it arrives. */
function cellText(field: ListField, value: string): string {
  return DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? chineseDate(value) : value;
}

/** One list row; values are shown as they arrive (already masked by the server), dates in Chinese. */
export function EntryRow({ entry, fields, style, odd }: EntryRowProps) {
  return (
    <div
      className={odd ? 'hc-row hc-row--odd' : 'hc-row'}
      data-testid="list-row"
      data-entry-id={entry.id}
      style={{ gridTemplateColumns: gridColumns(fields), ...style }}
    >
      {fields.map((f) => (
        <div key={f} className={cellClass(f, entry[f])}>
          {cellText(f, entry[f])}
        </div>
      ))}
    </div>
  );
}

export function EmptyPanel() {
  return (
    <div className="hc-board-empty">
      <div className="hc-board-empty-text">本期暂无公示信息</div>
      <div className="hc-board-empty-sub">公示信息更新后将在此处展示</div>
    </div>
  );
}
